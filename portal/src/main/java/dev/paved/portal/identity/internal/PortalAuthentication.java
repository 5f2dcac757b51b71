package dev.paved.portal.identity.internal;

import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller of the REST API signed in by a bearer token (Keycloak's or a personal access token). The token
 * itself is not kept: nothing downstream needs it, and so nothing can log it.
 */
final class PortalAuthentication extends AbstractAuthenticationToken {
  private final Principal principal;

  PortalAuthentication(PortalUser user, String method) {
    super(TokenClaims.authorities(user));
    this.principal = new Principal(user, method);
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return principal;
  }

  @Override
  public String getName() {
    return principal.user().ref();
  }

  /** The user, and how they proved it ({@code keycloak-token} or {@code access-token}). */
  record Principal(PortalUser user, String method) implements PortalPrincipal {
    @Override
    public PortalUser portalUser() {
      return user;
    }

    @Override
    public String toString() {
      return user.ref();
    }
  }
}
