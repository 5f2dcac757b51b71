package dev.paved.portal.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.paved.portal.audit.AuditEntry;
import dev.paved.portal.audit.AuditExport;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit log: every change made through the portal, newest first, filtered by who, what, target, outcome
 * and day; a row opens its details; the filtered entries export as CSV or JSON Lines. Nothing here edits.
 */
@jakarta.annotation.security.RolesAllowed({"platform-engineer", "admin"})
@Route("audit")
@PageTitle("Audit log · Paved")
public class AuditView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final String ANY = "any outcome";

  private final AuditTrail trail;
  private final TextField actor = new TextField("Who");
  private final ComboBox<String> action = new ComboBox<>("What");
  private final TextField target = new TextField("Target contains");
  private final Select<String> outcome = new Select<>();
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To (including)");
  private final Grid<AuditEntry> grid = new Grid<>();
  private final Span count = new Span();
  /** The filters as last applied, for the downloads (which run outside the page's lock). */
  private volatile AuditQuery current = AuditQuery.all();

  public AuditView(AuditTrail trail) {
    this.trail = trail;
    setSizeFull();
    actor.setPlaceholder("user:default/jane");
    actor.setId("audit-actor");
    action.setItems(trail.actions());
    action.setAllowCustomValue(true);
    action.addCustomValueSetListener(e -> action.setValue(e.getDetail()));
    action.setPlaceholder("deployment");
    action.setHelperText("an action, or a prefix such as deployment");
    action.setId("audit-action");
    target.setId("audit-target");
    outcome.setLabel("Outcome");
    outcome.setItems(ANY, "success", "failure", "requested");
    outcome.setValue(ANY);
    outcome.setId("audit-outcome");
    from.setId("audit-from");
    to.setId("audit-to");
    for (TextField field : new TextField[] {actor, target}) {
      field.setValueChangeMode(ValueChangeMode.LAZY);
      field.setClearButtonVisible(true);
      field.addValueChangeListener(e -> apply());
    }
    action.addValueChangeListener(e -> apply());
    outcome.addValueChangeListener(e -> apply());
    from.addValueChangeListener(e -> apply());
    to.addValueChangeListener(e -> apply());

    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(e -> TIME.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
    grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
    grid.addColumn(AuditEntry::target).setHeader("Target").setFlexGrow(2);
    grid.addColumn(AuditEntry::outcome).setHeader("Outcome").setAutoWidth(true);
    grid.addColumn(e -> e.details().length() > 120 ? e.details().substring(0, 120) + "…" : e.details())
        .setHeader("Details").setFlexGrow(3);
    grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> {
      Pre details = new Pre(e.details());
      details.addClassName("paved-code");
      return details;
    }));
    grid.setItems(q -> trail.find(current, q.getOffset(), q.getLimit()).stream(), q -> (int) trail.count(current));

    Anchor csv = new Anchor(download(AuditExport.Format.CSV), "Export CSV");
    csv.setId("audit-export-csv");
    Anchor jsonl = new Anchor(download(AuditExport.Format.JSONL), "Export JSON Lines");
    jsonl.setId("audit-export-jsonl");
    count.setId("audit-count");
    count.addClassName("paved-muted");
    HorizontalLayout filters = new HorizontalLayout(actor, action, target, outcome, from, to);
    filters.setWrap(true);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    HorizontalLayout exports = new HorizontalLayout(count, csv, jsonl);
    exports.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(new H2("Audit log"), new Paragraph("Every change made through the portal: who, when, what, on what, and how it "
        + "went. Entries are only ever added; the database refuses to change or remove them."), filters, exports, grid);
    apply();
  }

  private DownloadHandler download(AuditExport.Format format) {
    return event -> {
      event.setFileName("paved-audit." + format.extension());
      event.setContentType(format.contentType() + "; charset=utf-8");
      AuditExport.write(trail, current, format, event.getOutputStream());
    };
  }

  private void apply() {
    LocalDate first = from.getValue();
    LocalDate last = to.getValue();
    current = new AuditQuery(actor.getValue(), action.getValue(), target.getValue(),
        ANY.equals(outcome.getValue()) ? null : outcome.getValue(),
        first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    count.setText(trail.count(current) + " entries");
    grid.getDataProvider().refreshAll();
  }
}
