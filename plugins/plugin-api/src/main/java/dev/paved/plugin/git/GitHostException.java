package dev.paved.plugin.git;

/** A Git host could not do what was asked; the message says why and what to do. */
public class GitHostException extends Exception {
  private final boolean conflict;

  public GitHostException(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  public GitHostException(String message, Throwable cause) {
    super(message, cause);
    this.conflict = false;
  }

  /** Whether it failed because the repository already exists. */
  public boolean conflict() {
    return conflict;
  }
}
