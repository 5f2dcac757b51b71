package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.ClusterProperties;
import dev.paved.portal.operations.Replicas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ClusterJobs} on PostgreSQL. Every replica looks for due jobs each tick; taking a job's lease and
 * checking that it is due is one statement, and finishing a run (next due time, run record, lease release)
 * is one transaction, so however the ticks of several replicas interleave, one run happens per interval.
 * While a job runs, its replica renews the lease each tick; if the replica dies, the lease lapses, the job
 * is still due (its next time is set only when a run ends), and the next replica to look runs it.
 */
@Component
class JdbcClusterJobs implements ClusterJobs {
  private static final Logger log = LoggerFactory.getLogger(JdbcClusterJobs.class);
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Leases leases;
  private final Replicas replicas;
  private final MeterRegistry meters;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
      .name("cluster-job-", 1).factory());
  // its own daemon thread, not Spring's scheduler: a tick stuck on a database that is already gone must not
  // hold the shutdown up (Spring waits for its scheduler's running tasks), and is interrupted instead
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("cluster-jobs-tick").factory());
  private final ScheduledFuture<?> ticks;
  private volatile boolean stopping;

  private record Job(String name, Duration every, Runnable work) {
    String lease() {
      return "job:" + name;
    }
  }

  JdbcClusterJobs(JdbcTemplate jdbc, TransactionTemplate tx, Leases leases, Replicas replicas, MeterRegistry meters,
      ClusterProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.leases = leases;
    this.replicas = replicas;
    this.meters = meters;
    long every = properties.tick().toMillis();
    this.ticks = clock.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void schedule(String name, Duration every, Runnable work) {
    jobs.put(name, new Job(name, every, work));
    jdbc.update("insert into cluster_job (name) values (?) on conflict (name) do nothing", name);
  }

  @Override
  public boolean runIfDue(String name) {
    Job job = jobs.get(name);
    if (job == null) {
      throw new IllegalArgumentException("no job named " + name + " is scheduled");
    }
    if (!claim(job)) {
      return false;
    }
    run(job);
    return true;
  }

  @Override
  public void makeDue(String name) {
    jdbc.update("update cluster_job set next_run_at = now() where name = ?", name);
  }

  private void tick() {
    if (stopping) {
      return;
    }
    try {
      for (Job job : jobs.values()) {
        if (runningHere.contains(job.name())) {
          if (!leases.renew(job.lease(), replicas.self().id())) {
            log.warn("Job {} lost its lease while running here (this replica paused longer than the lease?);"
                + " another replica may run it too", job.name());
          }
        } else if (claim(job)) {
          workers.execute(() -> run(job));
        }
      }
    } catch (RuntimeException e) {
      log.warn("Could not look for due jobs: {}", e.getMessage());
    }
  }

  /** Takes the job's lease if it is due; a run its replica never finished is recorded as abandoned. */
  private boolean claim(Job job) {
    if (!leases.takeIfDue(job.name(), job.lease(), replicas.self().id())) {
      return false;
    }
    runningHere.add(job.name());
    int abandoned = jdbc.update("update cluster_job_run set finished_at = now(), outcome = 'abandoned',"
        + " error = 'its replica stopped answering' where job = ? and finished_at is null", job.name());
    if (abandoned > 0) {
      log.warn("Job {} was left unfinished by a replica that stopped; running it here", job.name());
    }
    return true;
  }

  private void run(Job job) {
    String self = replicas.self().id();
    long runId = jdbc.queryForObject("insert into cluster_job_run (job, replica) values (?, ?) returning id",
        Long.class, job.name(), self);
    long started = System.nanoTime();
    String outcome = "succeeded";
    String error = null;
    try {
      job.work().run();
    } catch (RuntimeException e) {
      outcome = "failed";
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.error("Job {} failed", job.name(), e);
    } finally {
      Timer.builder("paved.jobs.duration").description("Runs of the portal's scheduled jobs (on any replica)")
          .tag("job", job.name()).tag("outcome", outcome).register(meters)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      String finalOutcome = outcome;
      String finalError = error;
      try {
        tx.executeWithoutResult(s -> {
          jdbc.update("update cluster_job set next_run_at = now() + make_interval(secs => ?), runs = runs + 1 where name = ?",
              job.every().toMillis() / 1000.0, job.name());
          jdbc.update("update cluster_job_run set finished_at = now(), outcome = ?, error = ? where id = ?",
              finalOutcome, finalError, runId);
          leases.release(job.lease(), self);
        });
      } catch (RuntimeException e) {
        // the lease lapses by itself and the job runs again: better twice than never
        log.warn("Could not record the end of job {}: {}", job.name(), e.getMessage());
      } finally {
        runningHere.remove(job.name());
      }
    }
  }

  @Override
  public List<JobState> jobs() {
    Map<String, JobRun> last = new HashMap<>();
    jdbc.query("select distinct on (job) * from cluster_job_run order by job, started_at desc",
        rs -> {
          last.put(rs.getString("job"), runOf(rs));
        });
    return jdbc.query("select j.name, j.next_run_at, j.runs, l.holder from cluster_job j left join cluster_lock l"
            + " on l.name = 'job:' || j.name and l.locked_until >= now() order by j.name",
        (rs, n) -> new JobState(rs.getString(1), instant(rs, "next_run_at"), rs.getLong(3), rs.getString(4),
            last.get(rs.getString(1))));
  }

  @Override
  public List<JobRun> runs(String name, int limit) {
    return jdbc.query("select * from cluster_job_run where job = ? order by started_at desc, id desc limit ?",
        (rs, n) -> runOf(rs), name, limit);
  }

  /** Keeps the last hundred runs of each job. */
  int forgetOldRuns() {
    return jdbc.update("delete from cluster_job_run r where r.id not in (select id from cluster_job_run k"
        + " where k.job = r.job order by started_at desc limit 100)");
  }

  private static JobRun runOf(ResultSet rs) throws SQLException {
    return new JobRun(rs.getString("job"), rs.getString("replica"), instant(rs, "started_at"), instant(rs, "finished_at"),
        rs.getString("outcome"), rs.getString("error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  @PreDestroy
  void stop() {
    stopping = true;
    ticks.cancel(false);
    clock.shutdownNow();
    // a job cut short here is due still: its lease lapses and another replica (or the next start) runs it
    workers.shutdownNow();
  }
}
