package dev.paved.portal.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.LocationView;
import dev.paved.portal.testing.UiTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LocationsViewTest extends UiTest {
  @Autowired CatalogLocations locations;

  @SuppressWarnings("unchecked")
  private Grid<LocationView> grid() {
    return _get(Grid.class, spec -> spec.withId("locations-grid"));
  }

  private int rowOf(String target) {
    Grid<LocationView> grid = grid();
    for (int i = 0; i < GridKt._size(grid); i++) {
      if (GridKt._get(grid, i).target().equals(target)) {
        return i;
      }
    }
    throw new AssertionError(target + " not listed");
  }

  @Test
  void listsTheConfiguredDemoLocationAsOk() {
    UI.getCurrent().navigate("admin/locations");
    LocationView demo = GridKt._get(grid(), rowOf(REPO_ROOT.resolve("catalog-info/catalog-info.yaml").toString()));
    assertThat(demo.status()).isEqualTo("ok");
    assertThat(demo.origin()).isEqualTo("config");
    assertThat(demo.entityCount()).isGreaterThan(20);
  }

  @Test
  void deletingAsksForConfirmationThenRemovesTheLocationAndItsEntities() {
    Path file = write("ui-delete-" + System.nanoTime() + ".yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: ui-delete-me}
        spec: {type: service, lifecycle: production, owner: t}
        """);
    locations.register("file", file.toString());
    UI.getCurrent().navigate("admin/locations");
    var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid(), rowOf(file.toString()), "actions");
    Button delete = (Button) actions.getComponentAt(1);
    delete.click();
    ConfirmDialog dialog = _get(ConfirmDialog.class);
    com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(dialog);
    assertThat(locations.list()).noneMatch(l -> l.target().equals(file.toString()));
  }
}
