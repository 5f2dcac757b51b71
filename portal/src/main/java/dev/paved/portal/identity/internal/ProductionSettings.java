package dev.paved.portal.identity.internal;

import dev.paved.portal.identity.SignInProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start on settings that are only fit for trying the portal out, and names
 * every one of them at once, so one restart fixes them all.
 */
@Component
@Profile("production")
class ProductionSettings implements InitializingBean {
  /** The secret in the project's realm file: anyone who read the repository knows it. */
  static final String REALM_FILE_SECRET = "change-me-paved-client-secret";
  private final SignInProperties signIn;

  ProductionSettings(SignInProperties signIn) {
    this.signIn = signIn;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = problems(signIn);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The production profile refuses to start:\n  - " + String.join("\n  - ", problems));
    }
  }

  static List<String> problems(SignInProperties signIn) {
    List<String> problems = new ArrayList<>();
    if (!signIn.oidcEnabled()) {
      problems.add("paved.security.oidc.issuer-uri is not set: production signs people in through Keycloak"
          + " (for example https://sso.example.com/realms/paved)");
    }
    String secret = signIn.oidc().clientSecret();
    if (secret == null || secret.isBlank()) {
      problems.add("paved.security.oidc.client-secret is not set: give the secret of the Keycloak client '"
          + signIn.oidc().clientId() + "' (from an environment variable or a mounted Secret)");
    } else if (secret.equals(REALM_FILE_SECRET)) {
      problems.add("paved.security.oidc.client-secret is the default from infra/keycloak/paved-realm.json: generate a"
          + " new secret for the client in Keycloak and use that");
    }
    if (!signIn.localAccounts().isEmpty()) {
      problems.add("paved.security.local-accounts lists " + signIn.localAccounts().keySet().stream().sorted().toList()
          + ": local accounts are for trying the portal out; remove them and sign in through Keycloak");
    }
    return problems;
  }
}
