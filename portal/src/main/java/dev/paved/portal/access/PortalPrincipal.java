package dev.paved.portal.access;

/**
 * Implemented by every principal the portal's sign-in methods produce (Keycloak sign-in, bearer tokens,
 * personal access tokens, local accounts), so {@link CurrentUser} reads the caller the same way whichever
 * way they signed in.
 */
public interface PortalPrincipal {

  PortalUser portalUser();
}
