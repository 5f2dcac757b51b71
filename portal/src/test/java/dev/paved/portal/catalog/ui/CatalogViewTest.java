package dev.paved.portal.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.catalog.EntitySummary;
import dev.paved.portal.testing.UiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogViewTest extends UiTest {

  @SuppressWarnings("unchecked")
  private Grid<EntitySummary> grid() {
    return _get(Grid.class, spec -> spec.withId("catalog-grid"));
  }

  private List<String> names() {
    Grid<EntitySummary> grid = grid();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < GridKt._size(grid); i++) {
      names.add(GridKt._get(grid, i).name());
    }
    return names;
  }

  @Test
  void theCatalogIsTheStartPageAndListsTheDemoOrganisation() {
    UI.getCurrent().navigate("");
    assertThat(names()).contains("payments-service", "team-payments", "alice", "paved");
    assertThat(_get(Span.class, spec -> spec.withId("catalog-count")).getText()).endsWith("entities");
    List<String> paths = new ArrayList<>();
    _get(SideNav.class, spec -> spec.withId("main-nav")).getItems()
        .forEach(section -> section.getItems().forEach(item ->
            paths.add(item.getLabel() + " -> " + item.getElement().getAttribute("path"))));
    assertThat(paths).contains("Catalog -> catalog", "Register component -> catalog/register",
        "Templates -> templates", "Tasks -> tasks", "Catalog locations -> admin/locations",
        "Access tokens -> tokens");
  }

  @Test
  void filtersNarrowTheListAndAreWrittenToTheUrl() {
    UI.getCurrent().navigate("catalog");
    @SuppressWarnings("unchecked")
    MultiSelectComboBox<String> kind = _get(MultiSelectComboBox.class, spec -> spec.withId("filter-kind"));
    kind.setValue(Set.of("component"));
    @SuppressWarnings("unchecked")
    MultiSelectComboBox<String> owner = _get(MultiSelectComboBox.class, spec -> spec.withId("filter-owner"));
    owner.setValue(Set.of("group:default/team-search"));
    assertThat(names()).containsExactly("search-indexer", "search-service");
    CatalogView view = _get(CatalogView.class);
    assertThat(view.queryString()).contains("kind=component").contains("owner=group%3Adefault%2Fteam-search");
  }

  @Test
  void aSharedUrlRestoresTheFilters() {
    UI.getCurrent().navigate("catalog", com.vaadin.flow.router.QueryParameters.fromString("kind=api&q=payments"));
    assertThat(names()).containsExactly("payments-api");
    assertThat(_get(TextField.class, spec -> spec.withId("catalog-search")).getValue()).isEqualTo("payments");
  }

  @Test
  void ownerInTheUrlMayBeABareGroupName() {
    UI.getCurrent().navigate("catalog", com.vaadin.flow.router.QueryParameters.fromString("owner=platform&kind=resource"));
    assertThat(names()).containsExactly("paved-db");
  }

  @Test
  void searchingForSomethingAbsentShowsAnEmptyList() {
    UI.getCurrent().navigate("catalog");
    _get(TextField.class, spec -> spec.withId("catalog-search")).setValue("zzz-no-such-thing");
    assertThat(names()).isEmpty();
    assertThat(_get(Span.class, spec -> spec.withId("catalog-count")).getText()).isEqualTo("0 entities");
  }

  @Test
  void clickingARowOpensTheEntityPage() {
    UI.getCurrent().navigate("catalog", com.vaadin.flow.router.QueryParameters.fromString("q=refund-worker"));
    GridKt._clickItem(grid(), 0);
    assertThat(_get(EntityView.class)).isNotNull();
    _assertNone(CatalogView.class);
  }
}
