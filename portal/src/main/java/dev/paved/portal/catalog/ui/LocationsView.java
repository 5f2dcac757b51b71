package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.LocationProblem;
import dev.paved.portal.catalog.LocationView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The locations the catalog reads, the outcome of their last refresh, and refresh or delete. */
@jakarta.annotation.security.RolesAllowed({"platform-engineer", "admin"})
@Route("admin/locations")
@PageTitle("Catalog locations · Paved")
public class LocationsView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
  private final CatalogLocations locations;
  private final Grid<LocationView> grid = new Grid<>(LocationView.class, false);

  public LocationsView(CatalogLocations locations) {
    this.locations = locations;
    setSizeFull();
    grid.setId("locations-grid");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(LocationView::type).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(LocationView::target).setHeader("Target").setFlexGrow(3);
    grid.addColumn(LocationView::origin).setHeader("From").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(LocationsView::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(LocationView::entityCount).setHeader("Entities").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(l -> l.refreshedAt() == null ? "never" : TIME.format(l.refreshedAt())).setHeader("Last refresh")
        .setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setKey("actions");
    grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(LocationsView::problems));
    grid.setDetailsVisibleOnClick(true);
    add(new H2("Catalog locations"), grid);
    setFlexGrow(1, grid);
    reload();
  }

  private void reload() {
    grid.setItems(locations.list());
  }

  private static Component status(LocationView l) {
    Span s = new Span(l.status() + (l.problems().isEmpty() ? "" : " (" + l.problems().size() + ")"));
    s.getElement().getThemeList().add("badge");
    if ("error".equals(l.status())) {
      s.getElement().getThemeList().add("error");
    } else if ("ok".equals(l.status())) {
      s.getElement().getThemeList().add("success");
    }
    return s;
  }

  private static Component problems(LocationView l) {
    Div div = new Div();
    if (l.message() != null) {
      Div m = new Div(l.message());
      m.addClassName("error".equals(l.status()) ? "paved-problem" : "paved-muted");
      div.add(m);
    }
    for (LocationProblem p : l.problems()) {
      Div row = new Div(p.toString());
      row.addClassName("paved-problem");
      div.add(row);
    }
    if (div.getChildren().findAny().isEmpty()) {
      div.add(new Span("No problems at the last refresh."));
    }
    return div;
  }

  private Component actions(LocationView l) {
    Button refresh = new Button(VaadinIcon.REFRESH.create(), e -> {
      try {
        CatalogLocations.RefreshOutcome outcome = locations.refresh(l.id());
        if ("failed".equals(outcome.outcome())) {
          error("Refresh failed: " + outcome.location().message());
        } else {
          Notification.show("Refreshed: " + outcome.outcome() + ", " + outcome.written() + " written, "
              + outcome.removed() + " removed", 4000, Notification.Position.BOTTOM_START);
        }
      } catch (CatalogException ex) {
        error(ex.getMessage());
      }
      reload();
    });
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    refresh.setAriaLabel("Refresh");
    refresh.getElement().setAttribute("title", "Refresh now");
    Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(l));
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    delete.setAriaLabel("Delete");
    delete.setEnabled(!"config".equals(l.origin()));
    delete.getElement().setAttribute("title", "config".equals(l.origin())
        ? "Configured in paved.catalog.locations; remove it there" : "Delete with its entities");
    return new HorizontalLayout(refresh, delete);
  }

  private void confirmDelete(LocationView l) {
    ConfirmDialog dialog = new ConfirmDialog("Delete location?",
        "This removes " + l.target() + " and its " + l.entityCount() + " entities from the catalog. The files in Git are"
            + " not touched.", "Delete", e -> {
          try {
            locations.delete(l.id());
            Notification.show("Location deleted", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
          } catch (CatalogException ex) {
            error(ex.getMessage());
          }
          reload();
        });
    dialog.setCancelable(true);
    dialog.setConfirmButtonTheme("error primary");
    dialog.open();
  }

  private static void error(String message) {
    Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
