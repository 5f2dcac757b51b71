package dev.paved.plugin.deploy;

/** Receives a log stream's lines on the target's thread; keep it quick. */
public interface LogListener {

  /** A line arrived. */
  void line(LogLine line);

  /**
   * The stream ended: {@code problem} is null when it ended normally (all lines read, or closed by the
   * reader), otherwise what went wrong.
   */
  void ended(DeploymentException problem);
}
