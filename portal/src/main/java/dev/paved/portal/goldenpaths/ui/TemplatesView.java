package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.paved.portal.goldenpaths.GoldenPathSummary;
import dev.paved.portal.goldenpaths.GoldenPaths;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The golden paths on offer, as cards that a search and a tag filter narrow down; each opens its form
 * and preview. Templates that could not be loaded are listed below with why.
 */
@jakarta.annotation.security.PermitAll
@Route("templates")
@PageTitle("Templates · Paved")
public class TemplatesView extends VerticalLayout {
  private final List<GoldenPathSummary> all;
  private final TextField search = new TextField();
  private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
  private final FlexLayout cards = new FlexLayout();
  private final Paragraph empty = new Paragraph("No golden path matches the search and tags.");

  public TemplatesView(GoldenPaths goldenPaths) {
    this.all = goldenPaths.list();
    add(new H2("Templates"), new Paragraph("Golden paths the platform team supports. Pick one to fill in its form and"
        + " preview what it creates; nothing is created by a preview."));

    search.setPlaceholder("Search golden paths");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setId("template-search");
    search.setWidth("20em");
    tags.setPlaceholder("Tags");
    tags.setItems(new TreeSet<>(all.stream().flatMap(t -> t.tags().stream()).toList()));
    tags.setId("template-tags");
    search.addValueChangeListener(e -> show());
    tags.addValueChangeListener(e -> show());
    add(new HorizontalLayout(search, tags));

    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-m)");
    cards.setId("template-cards");
    empty.addClassName("paved-muted");
    add(cards, empty);
    show();

    Map<String, String> problems = goldenPaths.problems();
    if (!problems.isEmpty()) {
      add(new H3("Not offered"));
      problems.forEach((source, problem) -> {
        Div d = new Div(source + ": " + problem);
        d.addClassName("paved-problem");
        add(d);
      });
    }
  }

  private void show() {
    cards.removeAll();
    all.stream().filter(t -> t.matches(search.getValue()) && t.tags().containsAll(tags.getValue()))
        .forEach(t -> cards.add(card(t)));
    empty.setVisible(cards.getComponentCount() == 0);
  }

  private static Div card(GoldenPathSummary t) {
    Div card = new Div();
    card.addClassName("paved-card");
    card.setWidth("20em");
    RouterLink title = new RouterLink(t.title() == null ? t.name() : t.title(), TemplateView.class,
        new RouteParameters(Map.of("name", t.name())));
    H3 heading = new H3(title);
    heading.getStyle().set("margin-top", "0");
    Span version = new Span("v" + t.version() + (t.owner() == null ? "" : " · " + t.owner()));
    version.addClassName("paved-muted");
    Div chips = new Div();
    t.tags().forEach(tag -> {
      Span s = new Span(tag);
      s.addClassName("paved-chip");
      chips.add(s);
    });
    card.add(heading, version, dev.paved.portal.shell.Markdown.of(t.description()), chips, source(t));
    return card;
  }

  /** Built in, or the catalog entity it comes from (a platform team's own repository). */
  static Div source(GoldenPathSummary t) {
    Div source = new Div();
    source.addClassName("paved-muted");
    source.getStyle().set("font-size", "var(--lumo-font-size-s)");
    if (t.entityRef() == null) {
      source.setText("Built in");
    } else {
      String[] kindAndRest = t.entityRef().split(":", 2);
      String[] namespaceAndName = kindAndRest[1].split("/", 2);
      source.add(new Span("From the catalog: "), new Anchor("catalog/" + kindAndRest[0] + "/" + namespaceAndName[0]
          + "/" + namespaceAndName[1], t.entityRef()));
    }
    source.setTitle(t.source());
    return source;
  }
}
