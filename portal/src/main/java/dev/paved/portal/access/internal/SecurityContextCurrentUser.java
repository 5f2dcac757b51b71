package dev.paved.portal.access.internal;

import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller from Spring Security's context: the request's, the Vaadin session's on a page's thread (Vaadin
 * installs a session-aware context holder), or the one {@link dev.paved.portal.access.Access#carry} handed
 * to a background thread.
 */
@Component
class SecurityContextCurrentUser implements CurrentUser {

  @Override
  public PortalUser user() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof PortalPrincipal principal) {
      return principal.portalUser();
    }
    throw new NotSignedIn();
  }
}
