package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.catalog.EntityTab;
import dev.paved.portal.catalog.EntityDetails.RelationView;
import dev.paved.portal.catalog.EntitySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entity: what it is, who owns it, how it connects, what is wrong with it, and its YAML. Groups list
 * members, child groups and what they own; users their groups and what they own; APIs their definition.
 */
@jakarta.annotation.security.PermitAll
@Route("catalog/:kind/:namespace/:name")
public class EntityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final Map<String, String> RELATION_LABELS = new LinkedHashMap<>();

  static {
    RELATION_LABELS.put("ownedBy", "Owned by");
    RELATION_LABELS.put("partOf", "Part of");
    RELATION_LABELS.put("hasPart", "Has parts");
    RELATION_LABELS.put("providesApi", "Provides APIs");
    RELATION_LABELS.put("apiProvidedBy", "Provided by");
    RELATION_LABELS.put("consumesApi", "Consumes APIs");
    RELATION_LABELS.put("apiConsumedBy", "Consumed by");
    RELATION_LABELS.put("dependsOn", "Depends on");
    RELATION_LABELS.put("dependencyOf", "Dependency of");
    RELATION_LABELS.put("memberOf", "Member of");
    RELATION_LABELS.put("hasMember", "Members");
    RELATION_LABELS.put("parentOf", "Child groups");
    RELATION_LABELS.put("childOf", "Parent group");
    RELATION_LABELS.put("ownerOf", "Owns");
  }

  private final CatalogQueries queries;
  private final List<EntityTab> contributed;
  private String title = "Entity · Paved";
  /** The contributed tab to open first, from {@code ?tab=<id>}, as links to a service's deployments use. */
  private String selectedTab = "";

  public EntityView(CatalogQueries queries, List<EntityTab> contributed) {
    this.queries = queries;
    this.contributed = contributed.stream().sorted(java.util.Comparator.comparingInt(EntityTab::order)).toList();
    setWidthFull();
    setMaxWidth("1200px");
  }

  /** The route of an entity, from its reference. */
  public static String path(String ref) {
    EntityRef r = EntityRef.parse(ref);
    return "catalog/" + r.kind() + "/" + r.namespace() + "/" + r.name();
  }

  static RouteParameters parameters(EntityRef ref) {
    return new RouteParameters(Map.of("kind", ref.kind(), "namespace", ref.namespace(), "name", ref.name()));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    RouteParameters p = event.getRouteParameters();
    EntityRef ref;
    try {
      ref = new EntityRef(p.get("kind").orElse(""), p.get("namespace").orElse(""), p.get("name").orElse(""));
    } catch (RuntimeException e) {
      notFound("That address does not name an entity.");
      return;
    }
    selectedTab = event.getLocation().getQueryParameters().getSingleParameter("tab").orElse("");
    var details = queries.get(ref);
    if (details.isEmpty()) {
      notFound("There is no " + ref + " in the catalog. It may have been removed from its source.");
      return;
    }
    show(details.get());
  }

  private void notFound(String message) {
    title = "Not found · Paved";
    add(new H2("Not found"), new Paragraph(message), new RouterLink("Back to the catalog", CatalogView.class));
  }

  private void show(EntityDetails d) {
    EntitySummary s = d.summary();
    title = s.displayName() + " · Paved";
    H2 heading = new H2(s.displayName());
    heading.setId("entity-title");
    Span kind = chip(Kinds.label(s.kind()) + (s.type() == null ? "" : " · " + s.type()));
    Span ref = new Span(s.ref());
    ref.addClassName("paved-muted");
    add(heading, new Div(kind, ref));
    if (!d.problems().isEmpty()) {
      Div problems = new Div();
      problems.setId("entity-problems");
      for (String problem : d.problems()) {
        Div row = new Div(problem);
        row.addClassName("paved-problem");
        problems.add(row);
      }
      add(problems);
    }
    TabSheet tabs = new TabSheet();
    tabs.setWidthFull();
    tabs.add("Overview", overview(d));
    for (EntityTab tab : contributed) {
      if (tab.appliesTo(d)) {
        // a contributed tab is made when it is first shown: it may read other systems (Argo CD, Git)
        Div holder = new Div();
        holder.setWidthFull();
        var added = tabs.add(tab.label(), holder);
        added.setId("tab-" + tab.id());
        Runnable fill = () -> {
          if (holder.getChildren().findAny().isEmpty()) {
            holder.add(tab.content(d));
          }
        };
        tabs.addSelectedChangeListener(e -> {
          if (e.getSelectedTab() == added) {
            fill.run();
          }
        });
        if (tab.id().equals(selectedTab)) {
          tabs.setSelectedTab(added);
          fill.run();
        }
      }
    }
    Map<String, List<RelationView>> byType = d.relations().stream()
        .collect(Collectors.groupingBy(RelationView::type, LinkedHashMap::new, Collectors.toList()));
    String kindName = s.kind();
    if ("group".equals(kindName)) {
      tabs.add("Members", members(byType));
      tabs.add("Owns", relationList(byType.get("ownerOf"), "This group owns nothing yet."));
    } else if ("user".equals(kindName)) {
      tabs.add("Groups", relationList(byType.get("memberOf"), "Not a member of any group."));
      tabs.add("Owns", relationList(byType.get("ownerOf"), "Owns nothing directly."));
    } else if ("api".equals(kindName)) {
      tabs.add("Definition", ApiDefinitionPanel.of(s.type(), d.body()));
    }
    tabs.add("Relations", relations(byType));
    tabs.add("YAML", yaml(d));
    tabs.setId("entity-tabs");
    add(tabs);
  }

  private Component overview(EntityDetails d) {
    EntitySummary s = d.summary();
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    if (s.description() != null) {
      var description = dev.paved.portal.shell.Markdown.of(s.description());
      description.setId("entity-description");
      layout.add(description);
    }
    Div dl = new Div();
    dl.addClassName("paved-dl");
    dl.getElement().setAttribute("role", "list");
    if (s.owner() != null) {
      term(dl, "Owner", link(s.owner(), null, exists(d, s.owner())));
    }
    if (s.system() != null) {
      term(dl, "System", link(s.system(), null, exists(d, s.system())));
    }
    if (s.type() != null) {
      term(dl, "Type", new Span(s.type()));
    }
    if (s.lifecycle() != null) {
      term(dl, "Lifecycle", new Span(s.lifecycle()));
    }
    if (!s.tags().isEmpty()) {
      Div tags = new Div();
      s.tags().forEach(t -> tags.add(tagLink(t)));
      term(dl, "Tags", tags);
    }
    Map<String, Object> metadata = map(d.body().get("metadata"));
    Map<String, Object> spec = map(d.body().get("spec"));
    if (spec.get("profile") instanceof Map<?, ?> profile) {
      if (profile.get("displayName") instanceof String name) {
        term(dl, "Name", new Span(name));
      }
      if (profile.get("email") instanceof String email) {
        term(dl, "Email", new Anchor("mailto:" + email, email));
      }
    }
    term(dl, "Source", new Span(d.source().url() == null ? d.source().path() : d.source().url()));
    layout.add(dl);
    if (metadata.get("links") instanceof List<?> links && !links.isEmpty()) {
      layout.add(new H3("Links"));
      Div linkList = new Div();
      for (Object o : links) {
        if (o instanceof Map<?, ?> link && link.get("url") instanceof String url && SafeUrls.isSafe(url)) {
          Anchor a = new Anchor(url, link.get("title") instanceof String t ? t : url);
          a.setTarget("_blank");
          a.getElement().setAttribute("rel", "noopener noreferrer");
          linkList.add(new Div(a));
        }
      }
      layout.add(linkList);
    }
    addKeyValues(layout, "Labels", map(metadata.get("labels")));
    addKeyValues(layout, "Annotations", map(metadata.get("annotations")));
    return layout;
  }

  private static void addKeyValues(VerticalLayout layout, String heading, Map<String, Object> values) {
    if (values.isEmpty()) {
      return;
    }
    layout.add(new H3(heading));
    Div dl = new Div();
    dl.addClassName("paved-dl");
    values.forEach((k, v) -> term(dl, k, new Span(String.valueOf(v))));
    layout.add(dl);
  }

  /** A group's people and its child groups, the two ways a group is made up. */
  private Component members(Map<String, List<RelationView>> byType) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.add(new H3("Members"), relationList(byType.get("hasMember"), "No members."));
    layout.add(new H3("Child groups"), relationList(byType.get("parentOf"), "No child groups."));
    if (byType.containsKey("childOf")) {
      layout.add(new H3("Parent group"), relationList(byType.get("childOf"), ""));
    }
    return layout;
  }

  private Component relations(Map<String, List<RelationView>> byType) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setId("entity-relations");
    if (byType.isEmpty()) {
      layout.add(new Paragraph("No relations."));
    }
    Set<String> order = RELATION_LABELS.keySet();
    byType.keySet().stream()
        .sorted((a, b) -> Integer.compare(index(order, a), index(order, b)))
        .forEach(type -> {
          H3 heading = new H3(RELATION_LABELS.getOrDefault(type, type));
          layout.add(heading, relationList(byType.get(type), ""));
        });
    return layout;
  }

  private static int index(Set<String> order, String type) {
    int i = 0;
    for (String o : order) {
      if (o.equals(type)) {
        return i;
      }
      i++;
    }
    return i;
  }

  private Component relationList(List<RelationView> relations, String empty) {
    Div list = new Div();
    if (relations == null || relations.isEmpty()) {
      list.add(new Paragraph(empty));
      return list;
    }
    for (RelationView r : relations) {
      list.add(new Div(link(r.targetRef(), r.targetTitle(), r.targetExists())));
    }
    return list;
  }

  private static boolean exists(EntityDetails d, String ref) {
    return d.relations().stream().filter(r -> r.targetRef().equals(ref)).anyMatch(RelationView::targetExists);
  }

  /** A link to an entity, or a marked reference when the entity is not in the catalog. */
  static Component link(String ref, String title, boolean exists) {
    String label = (title == null || title.isBlank() ? CatalogView.shortRef(ref) : title);
    if (!exists) {
      Span missing = new Span(CatalogView.shortRef(ref) + " (not in the catalog)");
      missing.addClassName("paved-missing");
      missing.getElement().setAttribute("title", ref + " is referenced but no such entity exists");
      return missing;
    }
    EntityRef r = EntityRef.parse(ref);
    RouterLink link = new RouterLink(label, EntityView.class, parameters(r));
    link.getElement().setAttribute("title", ref);
    Span kind = new Span(" " + r.kind());
    kind.addClassName("paved-muted");
    return new Span(link, kind);
  }

  private static Component tagLink(String tag) {
    Anchor a = new Anchor("catalog?tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8), tag);
    a.addClassName("paved-chip");
    return a;
  }

  private static Component yaml(EntityDetails d) {
    Pre pre = new Pre(Yaml.dump(d.body()));
    pre.addClassName("paved-yaml");
    pre.setId("entity-yaml");
    return pre;
  }

  private static void term(Div dl, String term, Component value) {
    Span dt = new Span(term);
    dt.getStyle().set("color", "var(--lumo-secondary-text-color)");
    dl.add(dt, value);
  }

  private static Span chip(String text) {
    Span chip = new Span(text);
    chip.addClassName("paved-chip");
    return chip;
  }

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
