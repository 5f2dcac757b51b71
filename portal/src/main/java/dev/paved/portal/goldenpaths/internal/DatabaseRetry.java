package dev.paved.portal.goldenpaths.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Retries a task's bookkeeping through a short database outage (a restart, a fail-over, connections
 * cut), so a running task keeps its record instead of ending half-written: its steps keep working
 * meanwhile, and what they report is written once the database answers again.
 */
final class DatabaseRetry {
  private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
  private static final Duration LIMIT = Duration.ofSeconds(45);

  private DatabaseRetry() {}

  static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  static <T> T call(Supplier<T> work) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    long waitMillis = 100;
    while (true) {
      try {
        return work.get();
      } catch (DataAccessException e) {
        if (!isOutage(e) || System.nanoTime() > deadline) {
          throw e;
        }
        log.warn("The database is not answering ({}); trying again in {} ms", e.getMostSpecificCause().getMessage(),
            waitMillis);
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        waitMillis = Math.min(waitMillis * 2, 2_000);
      }
    }
  }

  /** Connection failures (SQLSTATE 08), a server shutting down or restarting (57P), no connection to be had. */
  static boolean isOutage(DataAccessException e) {
    if (e instanceof DataAccessResourceFailureException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
