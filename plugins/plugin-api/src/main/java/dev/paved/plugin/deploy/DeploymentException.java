package dev.paved.plugin.deploy;

/** A deployment system could not do what was asked; the message says why and what to do. */
public class DeploymentException extends Exception {

  /** Why, so callers can answer with the right status. */
  public enum Reason {
    /** Not reachable in time: down, slow, or the network is in the way. */
    UNREACHABLE,
    /** The portal's credentials were refused. */
    UNAUTHORIZED,
    /** The portal's account may not do this. */
    FORBIDDEN,
    /** The application or resource does not exist. */
    NOT_FOUND,
    /** It conflicts with what exists, such as an application of the same name from another source. */
    CONFLICT,
    /** The system refused it for a reason of its own, such as a rollback while auto-sync is on. */
    REFUSED,
    /** The system failed (a 5xx). */
    FAILED
  }

  private final Reason reason;

  public DeploymentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DeploymentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
