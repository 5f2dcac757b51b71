package dev.paved.portal.catalog;

/** A catalog request that cannot be carried out; the message tells the user what to do. */
public class CatalogException extends RuntimeException {
  /** Why, so the web layer can pick a status code. */
  public enum Reason { NOT_FOUND, CONFLICT, INVALID, UNREADABLE }

  private final Reason reason;

  public CatalogException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
