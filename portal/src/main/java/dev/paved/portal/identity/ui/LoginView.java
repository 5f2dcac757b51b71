package dev.paved.portal.identity.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Sign-in with a local account, for a portal without Keycloak (the embedded default). The page says so
 * plainly: local accounts are for trying the portal out, and a production profile refuses them.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Paved")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
  private final LoginForm form = new LoginForm();

  public LoginView() {
    setSizeFull();
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Sign in to Paved");
    i18n.getErrorMessage().setTitle("Wrong user name or password");
    i18n.getErrorMessage().setMessage("Check both and try again; local accounts are listed in the portal's"
        + " configuration under paved.security.local-accounts.");
    form.setI18n(i18n);
    Span marker = new Span("Local accounts");
    marker.setId("local-accounts-marker");
    marker.getElement().getThemeList().add("badge contrast");
    Div note = new Div(marker, new Paragraph("This portal signs people in with accounts from its own configuration,"
        + " not Keycloak: fine for trying it out, refused by the production profile. Connect Keycloak with"
        + " paved.security.oidc.issuer-uri."));
    note.setMaxWidth("24rem");
    add(new H1("Paved"), note, form);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var parameters = event.getLocation().getQueryParameters().getParameters();
    form.setError(parameters.containsKey("error"));
  }
}
