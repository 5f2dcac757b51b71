package dev.paved.portal.access;

import dev.paved.plugin.scaffolder.Actor;

/**
 * Who is using the portal on this thread: the signed-in user of the page or the request. Work handed to a
 * background thread carries the caller along (see {@link Access#carry}).
 */
public interface CurrentUser {

  /**
   * The caller.
   *
   * @throws NotSignedIn when nobody is signed in on this thread
   */
  PortalUser user();

  /** The caller as commits and the audit log name them. */
  default Actor get() {
    return user().actor();
  }

  /** Thrown when work that needs a user runs without one. */
  final class NotSignedIn extends RuntimeException {
    public NotSignedIn() {
      super("nobody is signed in: sign in to the portal, or send a personal access token or a Keycloak access token");
    }
  }
}
