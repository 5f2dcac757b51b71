package dev.paved.portal.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.access.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** My personal access tokens: create one (shown once), see when each was used, revoke. */
@jakarta.annotation.security.PermitAll
@Route("tokens")
@PageTitle("Access tokens · Paved")
public class AccessTokensView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private final AccessTokens tokens;
  private final CurrentUser currentUser;
  private final Grid<AccessTokens.TokenView> grid = new Grid<>(AccessTokens.TokenView.class, false);
  private final Div created = new Div();

  public AccessTokensView(AccessTokens tokens, CurrentUser currentUser) {
    this.tokens = tokens;
    this.currentUser = currentUser;
    TextField name = new TextField("Name");
    name.setPlaceholder("laptop, ci, ...");
    name.setId("token-name");
    name.setMaxLength(100);
    Button create = new Button("Create token", e -> create(name));
    create.setId("token-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout form = new HorizontalLayout(name, create);
    form.setAlignItems(Alignment.BASELINE);
    created.setId("token-created");
    grid.setId("token-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(AccessTokens.TokenView::name).setHeader("Name").setAutoWidth(true);
    grid.addColumn(AccessTokens.TokenView::hint).setHeader("Ends with").setAutoWidth(true);
    grid.addColumn(t -> time(t.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addColumn(t -> time(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
    grid.addComponentColumn(t -> {
      if (t.revokedAt() != null) {
        return new Div("revoked " + time(t.revokedAt()));
      }
      Button revoke = new Button("Revoke", e -> {
        tokens.revoke(t.id(), currentUser.get().ref());
        load();
      });
      revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
      return revoke;
    }).setHeader("").setAutoWidth(true);
    add(new H2("Access tokens"), new Paragraph("A token is the password for pushing to the portal's Git server from the"
        + " command line or CI: git push asks for a user name (any) and a password (the token). It is shown once;"
        + " the portal keeps only a hash."), form, created, grid);
    load();
  }

  private void create(TextField name) {
    created.removeAll();
    try {
      AccessTokens.Created token = tokens.create(currentUser.get().ref(), name.getValue());
      Code secret = new Code(token.token());
      secret.setId("token-secret");
      created.add(new Paragraph("Copy it now, it will not be shown again:"), secret);
      name.clear();
      name.setInvalid(false);
    } catch (IllegalArgumentException e) {
      name.setInvalid(true);
      name.setErrorMessage(e.getMessage());
    }
    load();
  }

  private void load() {
    grid.setItems(tokens.list(currentUser.get().ref()));
  }

  private static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }
}
