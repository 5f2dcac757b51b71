package dev.paved.plugin.deploy;

import java.time.Instant;

/**
 * The last (or running) sync operation of an application.
 *
 * @param phase {@code Running}, {@code Terminating}, {@code Succeeded}, {@code Failed} or {@code Error}
 * @param message what the deployment system said about it
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null while it runs
 * @param initiatedBy who started it ({@code automated} for auto-sync), or empty
 */
public record Operation(String phase, String message, Instant startedAt, Instant finishedAt, String initiatedBy) {

  public Operation {
    phase = phase == null ? "" : phase;
    message = message == null ? "" : message;
    initiatedBy = initiatedBy == null ? "" : initiatedBy;
  }

  /** Whether it is still going. */
  public boolean running() {
    return "Running".equals(phase) || "Terminating".equals(phase);
  }
}
