package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.paved.portal.goldenpaths.GoldenPathSummary;
import dev.paved.portal.goldenpaths.GoldenPaths;
import java.util.Map;

/** The golden paths on offer, as cards; each opens its form and preview. */
@Route("templates")
@PageTitle("Templates · Paved")
public class TemplatesView extends VerticalLayout {

  public TemplatesView(GoldenPaths goldenPaths) {
    add(new H2("Templates"), new Paragraph("Golden paths the platform team supports. Pick one to fill in its form and"
        + " preview what it creates; nothing is created by a preview."));
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-m)");
    cards.setId("template-cards");
    for (GoldenPathSummary t : goldenPaths.list()) {
      cards.add(card(t));
    }
    add(cards);
    goldenPaths.problems().forEach((source, problem) -> {
      Div d = new Div(source + ": " + problem);
      d.addClassName("paved-problem");
      add(d);
    });
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
    Div tags = new Div();
    t.tags().forEach(tag -> {
      Span s = new Span(tag);
      s.addClassName("paved-chip");
      tags.add(s);
    });
    card.add(heading, version, new Paragraph(t.description() == null ? "" : t.description()), tags);
    return card;
  }
}
