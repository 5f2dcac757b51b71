package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterProperties;
import dev.paved.portal.operations.Replicas;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records this replica in {@code portal_replica} as soon as it exists (before it takes any work, so no other
 * replica mistakes that work for an orphan) and keeps its heartbeat; a clean stop removes the row.
 */
@Component
class JdbcReplicas implements Replicas {
  private static final Logger log = LoggerFactory.getLogger(JdbcReplicas.class);
  private final JdbcTemplate jdbc;
  private final ClusterProperties properties;
  private final Replica self;
  private final ScheduledFuture<?> heartbeat;

  // its own daemon thread, not Spring's scheduler: a heartbeat stuck on a database that is already gone must
  // not hold the shutdown up (Spring waits for its scheduler's running tasks), and is interrupted instead
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("replica-heartbeat").factory());

  JdbcReplicas(JdbcTemplate jdbc, ClusterProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    String host = hostName();
    // the host name alone repeats when a pod restarts in place; the suffix tells two runs apart
    String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    Instant started = jdbc.queryForObject("insert into portal_replica (id, host) values (?, ?) returning started_at",
        OffsetDateTime.class, id, host).toInstant();
    this.self = new Replica(id, host, started, started);
    log.info("This replica is {}", id);
    long every = properties.heartbeat().toMillis();
    this.heartbeat = clock.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      if (jdbc.update("update portal_replica set last_seen = now() where id = ?", self.id()) == 0) {
        // removed as gone after a long pause: say we are here again
        jdbc.update("insert into portal_replica (id, host) values (?, ?) on conflict (id) do nothing", self.id(), self.host());
      }
    } catch (RuntimeException e) {
      log.warn("Could not record this replica's heartbeat: {}", e.getMessage());
    }
  }

  @Override
  public Replica self() {
    return self;
  }

  @Override
  public List<Replica> alive() {
    return jdbc.query("select id, host, started_at, last_seen from portal_replica"
            + " where last_seen > now() - make_interval(secs => ?) order by started_at",
        (rs, n) -> new Replica(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
            rs.getObject(4, OffsetDateTime.class).toInstant()), properties.leaseSeconds());
  }

  /** Forgets replicas gone for a day (their work was taken over long ago). */
  int forgetLongGone() {
    return jdbc.update("delete from portal_replica where last_seen < now() - interval '1 day'");
  }

  /**
   * Removes this replica's record so others take its work over at once. Bounded: when the database is already
   * gone (the whole process is stopping), waiting for a connection would hold the shutdown up for the pool's
   * timeout, and the record lapses with the lease anyway.
   */
  @PreDestroy
  void leave() {
    heartbeat.cancel(false);
    clock.shutdownNow();
    try {
      CompletableFuture.runAsync(() -> jdbc.update("delete from portal_replica where id = ?", self.id()))
          .get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.debug("Could not remove this replica's record while stopping: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "replica";
    }
  }
}
