package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.catalog.EntitySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog list: a lazy grid with filters whose state lives in the URL ({@code
 * /catalog?kind=component&owner=team-payments&q=pay}), so a filtered view can be bookmarked and shared.
 */
@jakarta.annotation.security.PermitAll
@Route("catalog")
@RouteAlias("")
@PageTitle("Catalog · Paved")
public class CatalogView extends VerticalLayout implements BeforeEnterObserver {
  static final int PAGE = 50;
  private final CatalogQueries queries;
  private final TextField search = new TextField();
  private final Map<String, MultiSelectComboBox<String>> filters = new LinkedHashMap<>();
  private final Grid<EntitySummary> grid = new Grid<>(EntitySummary.class, false);
  private final Span count = new Span();
  private EntityFilter filter = EntityFilter.ALL;
  private boolean updatingFromUrl;

  public CatalogView(CatalogQueries queries) {
    this.queries = queries;
    setSizeFull();
    CatalogQueries.Facets facets = queries.facets();
    search.setPlaceholder("Search name, title, description, tags");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setValueChangeTimeout(250);
    search.setId("catalog-search");
    search.setWidth("22em");
    search.addValueChangeListener(e -> filtersChanged(e));
    search.addClassName("paved-search");
    FlexLayout bar = new FlexLayout(search);
    bar.addClassName("paved-filters");
    bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    bar.getStyle().set("gap", "var(--lumo-space-s)");
    bar.setWidthFull();
    addFilter(bar, "kind", "Kind", facets.kinds());
    filters.get("kind").setItemLabelGenerator(Kinds::label);
    addFilter(bar, "type", "Type", facets.types());
    addFilter(bar, "owner", "Owner", facets.owners());
    addFilter(bar, "lifecycle", "Lifecycle", facets.lifecycles());
    addFilter(bar, "system", "System", facets.systems());
    addFilter(bar, "tag", "Tag", facets.tags());
    Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create(), e -> clearFilters());
    clear.setId("catalog-clear");
    bar.add(clear);
    bar.setAlignItems(Alignment.BASELINE);

    configureGrid();
    count.setId("catalog-count");
    count.addClassName("paved-muted");
    add(new H2("Catalog"), bar, count, grid);
    setFlexGrow(1, grid);
  }

  private void addFilter(FlexLayout bar, String key, String label, List<String> values) {
    MultiSelectComboBox<String> box = new MultiSelectComboBox<>();
    box.setPlaceholder(label);
    box.setAriaLabel(label);
    box.setItems(values);
    box.setItemLabelGenerator(CatalogView::shortRef);
    box.setId("filter-" + key);
    box.setWidth("12em");
    box.addClassName("paved-filter");
    box.addValueChangeListener(this::filtersChanged);
    filters.put(key, box);
    bar.add(box);
  }

  private void configureGrid() {
    grid.setId("catalog-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addComponentColumn(CatalogView::nameCell).setHeader("Name").setAutoWidth(true).setFlexGrow(2)
        .setKey("name");
    grid.addColumn(e -> Kinds.label(e.kind())).setHeader("Kind").setAutoWidth(true).setKey("kind");
    grid.addColumn(EntitySummary::type).setHeader("Type").setAutoWidth(true).setKey("type");
    grid.addColumn(e -> shortRef(e.owner())).setHeader("Owner").setAutoWidth(true).setKey("owner");
    grid.addColumn(e -> shortRef(e.system())).setHeader("System").setAutoWidth(true).setKey("system");
    grid.addColumn(EntitySummary::lifecycle).setHeader("Lifecycle").setAutoWidth(true).setKey("lifecycle");
    grid.addColumn(EntitySummary::description).setHeader("Description").setWidth("22em").setFlexGrow(3)
        .setKey("description").setTooltipGenerator(EntitySummary::description);
    grid.addColumn(e -> String.join(", ", e.tags())).setHeader("Tags").setAutoWidth(true).setKey("tags");
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EntityView.path(e.getItem().ref()))));
    grid.setItems(
        query -> queries.find(filter, query.getOffset(), query.getLimit()).items().stream(),
        query -> (int) queries.count(filter));
    grid.setPageSize(PAGE);
  }

  private static Component nameCell(EntitySummary e) {
    Span name = new Span(e.displayName());
    name.getStyle().set("font-weight", "500");
    if (e.hasErrors()) {
      Span warn = new Span(VaadinIcon.WARNING.create());
      warn.getElement().setAttribute("title", "has processing problems");
      warn.getStyle().set("color", "var(--lumo-error-color)").set("margin-left", "0.3em");
      return new Span(name, warn);
    }
    return name;
  }

  /** {@code group:default/team-a} reads as {@code team-a}; other namespaces and kinds stay visible. */
  static String shortRef(String ref) {
    if (ref == null) {
      return "";
    }
    int colon = ref.indexOf(':');
    String rest = colon < 0 ? ref : ref.substring(colon + 1);
    return rest.startsWith("default/") ? rest.substring("default/".length()) : rest;
  }

  private void filtersChanged(AbstractField.ComponentValueChangeEvent<?, ?> event) {
    if (updatingFromUrl) {
      return;
    }
    filter = currentFilter();
    refresh();
    getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "catalog" + queryString()));
  }

  private void clearFilters() {
    updatingFromUrl = true;
    search.clear();
    filters.values().forEach(MultiSelectComboBox::clear);
    updatingFromUrl = false;
    filtersChanged(null);
  }

  private EntityFilter currentFilter() {
    return new EntityFilter(values("kind"), values("type"), values("owner"), values("lifecycle"), values("system"),
        values("tag"), search.getValue());
  }

  private List<String> values(String key) {
    return new ArrayList<>(filters.get(key).getValue());
  }

  String queryString() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (filter.text() != null) {
      params.put("q", List.of(filter.text()));
    }
    filters.forEach((key, box) -> {
      if (!box.getValue().isEmpty()) {
        params.put(key, new ArrayList<>(box.getValue()));
      }
    });
    String qs = new QueryParameters(params).getQueryString();
    return qs.isEmpty() ? "" : "?" + qs;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
    updatingFromUrl = true;
    try {
      search.setValue(params.getOrDefault("q", List.of("")).get(0));
      filters.forEach((key, box) -> {
        Set<String> wanted = new LinkedHashSet<>();
        for (String v : params.getOrDefault(key, List.of())) {
          for (String part : v.split(",")) {
            if (!part.isBlank()) {
              wanted.add(key.equals("owner") || key.equals("system") ? canonical(key, part.trim()) : part.trim());
            }
          }
        }
        // values not in the catalog still filter (and show), so a shared link means the same thing
        List<String> items = new ArrayList<>(box.getListDataView().getItems().toList());
        for (String w : wanted) {
          if (!items.contains(w)) {
            items.add(w);
          }
        }
        if (items.size() != box.getListDataView().getItemCount()) {
          box.setItems(items);
        }
        box.setValue(wanted);
      });
    } finally {
      updatingFromUrl = false;
    }
    filter = currentFilter();
    refresh();
  }

  private static String canonical(String key, String value) {
    try {
      return dev.paved.plugin.catalog.EntityRef.parse(value, key.equals("owner") ? "group" : "system", "default").toString();
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
    long n = queries.count(filter);
    count.setText(n == 1 ? "1 entity" : n + " entities");
  }

  EntityFilter filter() {
    return filter;
  }
}
