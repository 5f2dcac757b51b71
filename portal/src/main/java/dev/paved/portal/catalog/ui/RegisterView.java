package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogLocations.PreviewEntity;
import dev.paved.portal.catalog.LocationProblem;

/**
 * "Register an existing component": paste the URL of a catalog-info.yaml in a Git repository, see what
 * it will add, confirm.
 */
@jakarta.annotation.security.RolesAllowed({"platform-engineer", "admin"})
@Route("catalog/register")
@PageTitle("Register an existing component · Paved")
public class RegisterView extends VerticalLayout {
  private final CatalogLocations locations;
  private final TextField url = new TextField("URL of a catalog-info.yaml in Git");
  private final Button analyse = new Button("Analyse");
  private final Button register = new Button("Register");
  private final Grid<PreviewEntity> preview = new Grid<>(PreviewEntity.class, false);
  private final Div messages = new Div();
  private String previewedTarget;

  public RegisterView(CatalogLocations locations) {
    this.locations = locations;
    setMaxWidth("1000px");
    url.setId("register-url");
    url.setWidthFull();
    url.setPlaceholder("https://git.example.com/org/repo/blob/main/catalog-info.yaml");
    url.setHelperText("A file URL as your Git host shows it (…/blob/<branch>/<path>), or <clone-url>#<branch>:<path>");
    url.addValueChangeListener(e -> reset());
    analyse.setId("register-analyse");
    analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    analyse.addClickListener(e -> analyse());
    analyse.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
    register.setId("register-confirm");
    register.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
    register.setEnabled(false);
    register.setDisableOnClick(true);
    register.addClickListener(e -> register());
    preview.setId("register-preview");
    preview.addThemeVariants(GridVariant.LUMO_COMPACT);
    preview.addColumn(PreviewEntity::ref).setHeader("Entity").setAutoWidth(true);
    preview.addColumn(PreviewEntity::kind).setHeader("Kind").setAutoWidth(true);
    preview.addColumn(PreviewEntity::title).setHeader("Title").setFlexGrow(1);
    preview.addColumn(PreviewEntity::status).setHeader("Will be").setAutoWidth(true);
    preview.setAllRowsVisible(true);
    preview.setVisible(false);
    messages.setId("register-messages");
    HorizontalLayout row = new HorizontalLayout(url, analyse);
    row.setWidthFull();
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(new H2("Register an existing component"),
        new Paragraph("Paved reads the file, shows the entities it describes, and after you confirm keeps them in the "
            + "catalog, refreshing them from Git."),
        row, messages, preview, register);
  }

  private void reset() {
    previewedTarget = null;
    register.setEnabled(false);
    preview.setVisible(false);
    messages.removeAll();
  }

  private void analyse() {
    reset();
    try {
      String target = dev.paved.portal.catalog.GitTarget.fromUserInput(url.getValue()).toString();
      CatalogLocations.Preview result = locations.preview("git", target);
      preview.setItems(result.entities());
      preview.setVisible(!result.entities().isEmpty());
      for (LocationProblem p : result.problems()) {
        problem(p.toString());
      }
      long addable = result.entities().stream().filter(e -> e.status().equals("new") || e.status().equals("updated")
          || e.status().equals("unchanged")).count();
      if (addable == 0) {
        long conflicts = result.entities().stream().filter(e -> e.status().equals("conflict")).count();
        problem(result.entities().isEmpty() ? "Nothing to register: the file describes no entity."
            : conflicts > 0 ? "Nothing to register: its entities are already in the catalog from another location."
            : "Nothing to register: none of the entities it describes is valid; fix the problems above first.");
        return;
      }
      previewedTarget = target;
      register.setText("Register " + addable + (addable == 1 ? " entity" : " entities"));
      register.setEnabled(true);
    } catch (IllegalArgumentException | CatalogException e) {
      problem(e.getMessage());
    }
  }

  private void register() {
    if (previewedTarget == null) {
      return;
    }
    try {
      CatalogLocations.RefreshOutcome outcome = locations.register("git", previewedTarget);
      messages.removeAll();
      Div ok = new Div();
      ok.setId("register-done");
      ok.setText("Registered: " + outcome.location().entityCount() + " entities are in the catalog.");
      messages.add(ok, new RouterLink("Open the catalog", CatalogView.class));
      Notification.show("Location registered", 4000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      previewedTarget = null;
    } catch (CatalogException e) {
      problem(e.getMessage());
      register.setEnabled(true);
    }
  }

  private void problem(String text) {
    Div d = new Div(text);
    d.addClassName("paved-problem");
    messages.add(d);
  }
}
