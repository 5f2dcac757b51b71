package dev.paved.plugin.scaffolder;

/** An action could not do its work; the message is shown to the user as it is. */
public class ActionException extends Exception {
  public ActionException(String message) {
    super(message);
  }

  public ActionException(String message, Throwable cause) {
    super(message, cause);
  }
}
