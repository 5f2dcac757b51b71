package dev.paved.portal.access.internal;

import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The caller from Spring Security's context: the request's, the Vaadin session's on a page's thread (Vaadin
 * installs a session-aware context holder), or the one {@link dev.paved.portal.access.Access#carry} handed
 * to a background thread.
 */
@Component
class SecurityContextCurrentUser implements CurrentUser {
  private final SecurityContextHolderStrategy contexts;

  /** The holder the application's filter chains use (Vaadin's), so requests and services agree on the user. */
  SecurityContextCurrentUser(ObjectProvider<SecurityContextHolderStrategy> contexts) {
    this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
  }

  @Override
  public PortalUser user() {
    Authentication authentication = contexts.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof PortalPrincipal principal) {
      return principal.portalUser();
    }
    throw new NotSignedIn();
  }
}
