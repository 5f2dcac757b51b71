package com.acme.billing.cleanup;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of one run. Replace {@link #run}'s body with the job's own logic.
 *
 * <p>Kubernetes starts a CronJob's run approximately once: a run can be skipped (the cluster was
 * busy past the starting deadline) or, rarely, happen twice, and a failed run is retried from the
 * start. So decide what to do from the current state, not from "since the last run": here everything
 * older than the retention period, whichever run gets to it. Then a repeated run finds nothing left
 * and a skipped run's work is picked up by the next.
 */
@Component
class Job {
  private static final Logger log = LoggerFactory.getLogger(Job.class);
  private final Clock clock;
  private final JobProperties properties;

  Job(Clock clock, JobProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Runs once.
   *
   * @return what was done, for the log
   * @throws RuntimeException when the run failed; the process then exits with 1
   */
  Result run() {
    Instant cutoff = clock.instant().minus(properties.retention());
    // the job's own logic goes here: handle everything older than the cutoff
    int handled = 0;
    log.info("handled {} items older than {}", handled, cutoff);
    return new Result(cutoff, handled);
  }

  /** What one run did. */
  record Result(Instant cutoff, int handled) {}
}
