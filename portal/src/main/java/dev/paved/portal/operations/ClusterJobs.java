package dev.paved.portal.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scheduled work that runs once across all replicas: each job runs on one replica at a time, and is due
 * again an interval after its last run ended, whichever replica ran it. A replica that dies mid-run stops
 * renewing its lease; when the lease lapses, another replica runs the job again.
 */
public interface ClusterJobs {

  /**
   * Registers a job: it runs as soon as it is due (at once, the first time the cluster sees it) and then
   * {@code every} after each run. Jobs run on a pool of the portal's, not on the caller's thread.
   *
   * @param name a stable name, such as {@code catalog-refresh}
   */
  void schedule(String name, Duration every, Runnable job);

  /**
   * Runs a registered job now on the calling thread if it is due and no replica is running it, such as
   * at start-up, so the first run is over before the portal says it is ready.
   *
   * @return whether this replica ran it
   */
  boolean runIfDue(String name);

  /** Makes a registered job due now: the next replica to look (within a tick) runs it. */
  void makeDue(String name);

  /** Every job the cluster knows, with its last run. */
  List<JobState> jobs();

  /** The most recent runs of a job, newest first. */
  List<JobRun> runs(String name, int limit);

  /**
   * A job as the cluster sees it.
   *
   * @param runningOn the replica running it now, or null
   */
  record JobState(String name, Instant nextRunAt, long runs, String runningOn, JobRun lastRun) {}

  /**
   * One run.
   *
   * @param outcome {@code succeeded}, {@code failed}, {@code abandoned} (its replica died), or null while running
   */
  record JobRun(String job, String replica, Instant startedAt, Instant finishedAt, String outcome, String error) {}
}
