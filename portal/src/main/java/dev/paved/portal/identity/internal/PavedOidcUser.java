package dev.paved.portal.identity.internal;

import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import java.io.Serial;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A user signed in through Keycloak. It stays an {@link org.springframework.security.oauth2.core.oidc.user.OidcUser}
 * so signing out can end the Keycloak session with the ID token.
 */
final class PavedOidcUser extends DefaultOidcUser implements PortalPrincipal {
  @Serial private static final long serialVersionUID = 1L;
  private final PortalUser user;

  PavedOidcUser(PortalUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
    super(TokenClaims.authorities(user), idToken, userInfo, "preferred_username");
    this.user = user;
  }

  @Override
  public PortalUser portalUser() {
    return user;
  }

  @Override
  public String getName() {
    return user.ref();
  }
}
