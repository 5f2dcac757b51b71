package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.portal.deploy.DeploymentFilter;
import dev.paved.portal.deploy.Deployments;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every application of every Argo CD instance, from the portal's cache (one list call plus the watch stream),
 * filtered by what needs attention, kept current while open. The grid fetches the rows it shows, so a
 * thousand applications cost what one screenful does.
 */
@jakarta.annotation.security.PermitAll
@Route("deployments")
@PageTitle("Deployments · Paved")
public class DeploymentsView extends VerticalLayout {
  private final Deployments deployments;
  private final DeploymentEvents events;
  private final RadioButtonGroup<DeploymentFilter> filter = new RadioButtonGroup<>();
  private final TextField search = new TextField();
  private final Grid<Deployment> grid = new Grid<>();
  private final UnreachableBanner banner = new UnreachableBanner();
  private final Span count = new Span();
  private Map<DeploymentFilter, Long> counts = new EnumMap<>(DeploymentFilter.class);
  private Registration subscription;

  public DeploymentsView(Deployments deployments, DeploymentEvents events) {
    this.deployments = deployments;
    this.events = events;
    setSizeFull();
    add(new H2("Deployments"));
    if (!deployments.connected()) {
      Div message = new Div(new Paragraph("No Argo CD is connected to this portal, so there are no deployments to "
          + "show. Golden paths still commit each service's deployment configuration to the GitOps repository; a "
          + "service's Deployments tab shows the manifests Argo CD would deploy."), new Paragraph("To connect one, "
          + "set paved.plugins.argocd.instances.<name>.url and .token and restart the portal (README, \"Connect Argo CD\")."));
      message.setId("argocd-not-connected");
      message.addClassName("paved-card");
      add(message);
      return;
    }
    filter.setItems(DeploymentFilter.values());
    filter.setValue(DeploymentFilter.ALL);
    filter.setItemLabelGenerator(f -> f.label() + " (" + counts.getOrDefault(f, 0L) + ")");
    filter.setId("deployments-filter");
    filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    search.setPlaceholder("Search name, service, environment, project");
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setId("deployments-search");
    search.setClearButtonVisible(true);
    search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    count.setId("deployments-count");
    count.addClassName("paved-muted");
    grid.setId("deployments-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(d -> d.service().isEmpty() ? new Span(d.ref().name())
        : new Anchor("catalog/component/default/" + d.service(), d.ref().name())).setHeader("Application")
        .setAutoWidth(true).setFlexGrow(2);
    grid.addColumn(Deployment::environment).setHeader("Environment").setAutoWidth(true);
    grid.addColumn(d -> d.ref().instance()).setHeader("Argo CD").setAutoWidth(true);
    grid.addComponentColumn(d -> Badges.sync(d.sync())).setHeader("Sync").setAutoWidth(true);
    grid.addComponentColumn(d -> Badges.health(d.health())).setHeader("Health").setAutoWidth(true);
    grid.addColumn(d -> d.operation() == null ? "" : d.operation().phase() + (d.operation().message().isEmpty() ? ""
        : ": " + d.operation().message())).setHeader("Last operation").setFlexGrow(3)
        .setTooltipGenerator(d -> d.operation() == null ? "" : d.operation().message());
    grid.addColumn(d -> Badges.time(d.lastSyncedAt())).setHeader("Last sync").setAutoWidth(true);
    grid.addColumn(d -> String.join(", ", d.revisions().stream().map(Badges::shortRevision).toList()))
        .setHeader("Revision").setAutoWidth(true);
    grid.setItems(query -> rows().stream().skip(query.getOffset()).limit(query.getLimit()), query -> rows().size());
    HorizontalLayout filters = new HorizontalLayout(filter, search, count);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    add(banner, filters, grid);
    refresh();
  }

  private List<Deployment> rows() {
    DeploymentFilter f = filter.getValue() == null ? DeploymentFilter.ALL : filter.getValue();
    String text = search.getValue();
    return deployments.all().stream().filter(f).filter(d -> DeploymentFilter.matchesText(d, text))
        .sorted(Comparator.comparing((Deployment d) -> d.service().isEmpty() ? d.ref().name() : d.service())
            .thenComparing(Deployment::environment).thenComparing(d -> d.ref().name())).toList();
  }

  /** Recounts the filters and reloads the visible rows. */
  void refresh() {
    List<Deployment> all = deployments.all();
    Map<DeploymentFilter, Long> now = new EnumMap<>(DeploymentFilter.class);
    for (DeploymentFilter f : DeploymentFilter.values()) {
      now.put(f, all.stream().filter(f).count());
    }
    counts = now;
    // relabelling the choices (their counts) clears the selection: keep the user's filter
    DeploymentFilter selected = filter.getValue();
    filter.getDataProvider().refreshAll();
    if (filter.getValue() != selected) {
      filter.setValue(selected);
    }
    count.setText(all.size() + " applications on " + deployments.instances().size() + " Argo CD instance"
        + (deployments.instances().size() == 1 ? "" : "s"));
    banner.show(deployments.instances());
    grid.getDataProvider().refreshAll();
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    if (deployments.connected()) {
      subscription = events.subscribe(attach.getUI(), event -> true, this::refresh);
    }
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (subscription != null) {
      subscription.remove();
    }
  }
}
