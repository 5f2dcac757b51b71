package dev.paved.portal.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.access.Role;
import dev.paved.portal.identity.SignInProperties;
import dev.paved.portal.shell.HeaderItem;
import java.util.stream.Collectors;

/**
 * The signed-in user in the header: name, roles and groups, and Sign out (which ends the Keycloak session
 * too). A "Local accounts" badge reminds everyone when the portal is not connected to Keycloak.
 */
@org.springframework.stereotype.Component
class UserMenu implements HeaderItem {
  private final CurrentUser currentUser;
  private final AuthenticationContext authentication;
  private final SignInProperties signIn;

  UserMenu(CurrentUser currentUser, AuthenticationContext authentication, SignInProperties signIn) {
    this.currentUser = currentUser;
    this.authentication = authentication;
    this.signIn = signIn;
  }

  @Override
  public Component create() {
    HorizontalLayout layout = new HorizontalLayout();
    layout.setAlignItems(HorizontalLayout.Alignment.CENTER);
    if (!signIn.oidcEnabled()) {
      Span local = new Span("Local accounts");
      local.setId("local-accounts-badge");
      local.getElement().getThemeList().add("badge contrast small");
      local.getElement().setAttribute("title", "Signed in with an account from the portal's configuration, not"
          + " Keycloak (paved.security.local-accounts)");
      layout.add(local);
    }
    PortalUser user;
    try {
      user = currentUser.user();
    } catch (CurrentUser.NotSignedIn e) {
      return layout;
    }
    MenuBar menu = new MenuBar();
    menu.setId("user-menu");
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
    MenuItem me = menu.addItem(user.actor().name());
    me.getSubMenu().addItem(user.ref()).setEnabled(false);
    me.getSubMenu().addItem("Roles: " + (user.roles().isEmpty() ? "none"
        : user.roles().stream().map(Role::id).sorted().collect(Collectors.joining(", ")))).setEnabled(false);
    me.getSubMenu().addItem("Groups: " + (user.groups().isEmpty() ? "none"
        : user.groups().stream().map(g -> g.substring(g.indexOf('/') + 1)).sorted().collect(Collectors.joining(", "))))
        .setEnabled(false);
    MenuItem signOut = me.getSubMenu().addItem("Sign out", e -> authentication.logout());
    signOut.setId("sign-out");
    layout.add(menu);
    return layout;
  }
}
