package dev.paved.goldenpaths.engine;

import java.util.List;
import sun.misc.Signal;

/**
 * Gives SIGTERM, SIGINT and SIGHUP back to the JVM after Helm ran. helm-java runs Helm as a Go library
 * inside this process, and once Helm's code subscribes to those signals Go's runtime owns them: the JVM
 * never hears of them, so the portal would ignore Kubernetes asking it to stop and run until killed.
 * Putting back what the JVM does by default (run the shutdown hooks, exit with 128 + the signal)
 * keeps graceful shutdown working.
 */
final class JvmSignals {
  private static final List<String> SHUTDOWN_SIGNALS = List.of("TERM", "INT", "HUP");

  private JvmSignals() {}

  static void restore() {
    for (String name : SHUTDOWN_SIGNALS) {
      try {
        Signal.handle(new Signal(name), signal -> Runtime.getRuntime().exit(128 + signal.getNumber()));
      } catch (IllegalArgumentException e) {
        // the JVM keeps this signal for itself here (-Xrs) or the platform lacks it: nothing to restore
      }
    }
  }
}
