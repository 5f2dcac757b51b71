package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leases in {@code cluster_lock}, timed by the database's clock so replicas whose clocks disagree still agree
 * on who holds what. A lease is taken when free or lapsed, renewed only by its holder, and lapses by itself
 * when the holder stops renewing (the holder died).
 */
@Component
class Leases {
  private final JdbcTemplate jdbc;
  private final ClusterProperties properties;

  Leases(JdbcTemplate jdbc, ClusterProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** Takes a job's lease only while the job is due, in one statement, so two replicas never both run it. */
  boolean takeIfDue(String job, String lease, String holder) {
    return jdbc.update("insert into cluster_lock (name, holder, locked_until)"
        + " select ?, ?, now() + make_interval(secs => ?) from cluster_job where name = ? and next_run_at <= now()"
        + " on conflict (name) do update set holder = excluded.holder, locked_until = excluded.locked_until, acquired_at = now()"
        + " where cluster_lock.locked_until < now()",
        lease, holder, properties.leaseSeconds(), job) == 1;
  }

  /** Takes the lease if it is free, lapsed, or already ours (then extends it). */
  boolean take(String name, String holder) {
    return jdbc.update("insert into cluster_lock (name, holder, locked_until) values (?, ?, now() + make_interval(secs => ?))"
        + " on conflict (name) do update set holder = excluded.holder, locked_until = excluded.locked_until,"
        + " acquired_at = case when cluster_lock.holder = excluded.holder then cluster_lock.acquired_at else now() end"
        + " where cluster_lock.locked_until < now() or cluster_lock.holder = excluded.holder",
        name, holder, properties.leaseSeconds()) == 1;
  }

  /** Extends the lease; false when it is no longer ours (it lapsed and another replica took it). */
  boolean renew(String name, String holder) {
    return jdbc.update("update cluster_lock set locked_until = now() + make_interval(secs => ?) where name = ? and holder = ?",
        properties.leaseSeconds(), name, holder) == 1;
  }

  void release(String name, String holder) {
    jdbc.update("delete from cluster_lock where name = ? and holder = ?", name, holder);
  }
}
