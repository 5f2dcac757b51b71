package dev.paved.plugin.catalog;

/** A location could not be read; the message is shown to users as it is. */
public class LocationException extends Exception {
  public LocationException(String message) {
    super(message);
  }

  public LocationException(String message, Throwable cause) {
    super(message, cause);
  }
}
