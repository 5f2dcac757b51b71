package dev.paved.portal.identity;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in, under {@code paved.security}: Keycloak (OpenID Connect) when {@code oidc.issuer-uri} is
 * set, otherwise the local accounts listed here (the embedded default, so a first run needs no Keycloak).
 *
 * @param oidc the Keycloak realm and the portal's client in it
 * @param localAccounts user name to account; used only while no OIDC issuer is configured
 */
@ConfigurationProperties("paved.security")
public record SignInProperties(@DefaultValue Oidc oidc, Map<String, LocalAccount> localAccounts) {

  public SignInProperties {
    localAccounts = localAccounts == null ? Map.of() : Map.copyOf(localAccounts);
  }

  /** Whether people sign in through Keycloak. */
  public boolean oidcEnabled() {
    return oidc.issuerUri() != null && !oidc.issuerUri().isBlank();
  }

  /**
   * The Keycloak realm and client.
   *
   * @param issuerUri the realm's issuer, such as {@code https://sso.acme.example/realms/paved}
   * @param clientId the portal's client
   * @param clientSecret the client's secret (take it from the environment, never from a file in Git)
   * @param audience the audience bearer tokens must carry to be accepted by the REST API
   * @param rolesClaim the claim with the realm roles (a flat list, from a mapper)
   * @param groupsClaim the claim with group names (a mapper with full path off)
   */
  public record Oidc(String issuerUri, @DefaultValue("paved") String clientId, String clientSecret,
      @DefaultValue("paved") String audience, @DefaultValue("roles") String rolesClaim,
      @DefaultValue("groups") String groupsClaim) {}

  /**
   * A local account.
   *
   * @param password the hashed password with its scheme, such as <code>{bcrypt}$2a$10$…</code>
   * @param name the display name (commit author)
   * @param email the commit e-mail
   * @param roles portal roles: developer, platform-engineer, admin
   * @param groups catalog Groups the user belongs to, such as {@code team-payments}
   */
  public record LocalAccount(String password, String name, String email, List<String> roles, List<String> groups) {
    public LocalAccount {
      roles = roles == null ? List.of() : List.copyOf(roles);
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
