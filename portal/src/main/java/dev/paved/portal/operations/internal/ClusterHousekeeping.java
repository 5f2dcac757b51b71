package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterJobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forgets replicas gone for a day and all but the last hundred runs of each job, hourly, on one replica. */
@Component
class ClusterHousekeeping {
  private static final Logger log = LoggerFactory.getLogger(ClusterHousekeeping.class);
  private final ClusterJobs jobs;
  private final JdbcReplicas replicas;
  private final JdbcClusterJobs runs;

  ClusterHousekeeping(ClusterJobs jobs, JdbcReplicas replicas, JdbcClusterJobs runs) {
    this.jobs = jobs;
    this.replicas = replicas;
    this.runs = runs;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    jobs.schedule("cluster-housekeeping", Duration.ofHours(1), () -> {
      int gone = replicas.forgetLongGone();
      int old = runs.forgetOldRuns();
      log.debug("Housekeeping forgot {} replicas and {} job runs", gone, old);
    });
  }
}
