package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterProperties;
import dev.paved.portal.operations.Leadership;
import dev.paved.portal.operations.Replicas;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Leadership} with one lease per role ({@code leader:<role>} in {@code cluster_lock}): the leader
 * renews it each tick, the others try to take it each tick and succeed once it lapsed. A leader that cannot
 * renew in time steps down, since another replica may already have taken over.
 */
@Component
class JdbcLeadership implements Leadership {
  private static final Logger log = LoggerFactory.getLogger(JdbcLeadership.class);
  private static final String PREFIX = "leader:";
  private final Leases leases;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final String self;
  private final Map<String, Role> roles = new ConcurrentHashMap<>();
  // its own daemon thread, as the job ticks: a renewal stuck on a database that is gone must not hold a
  // shutdown up
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("cluster-leadership").factory());

  private static final class Role {
    final String name;
    final Runnable elected;
    final Runnable deposed;
    volatile boolean leading;

    Role(String name, Runnable elected, Runnable deposed) {
      this.name = name;
      this.elected = elected;
      this.deposed = deposed;
    }

    String lease() {
      return PREFIX + name;
    }
  }

  JdbcLeadership(Leases leases, JdbcTemplate jdbc, TransactionTemplate transactions, Replicas replicas,
      ClusterProperties properties) {
    this.leases = leases;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.self = replicas.self().id();
    long every = properties.tick().toMillis();
    clock.scheduleWithFixedDelay(() -> roles.values().forEach(this::contend), every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void compete(String role, Runnable elected, Runnable deposed) {
    Role competing = new Role(role, elected, deposed);
    if (roles.putIfAbsent(role, competing) != null) {
      throw new IllegalStateException("this replica already competes for " + role);
    }
    clock.execute(() -> contend(competing)); // at once, so a lone replica plays the role from its start
  }

  private void contend(Role role) {
    try {
      if (role.leading) {
        if (!leases.renew(role.lease(), self)) {
          log.warn("This replica lost the lease of {} (it paused, or the database was out of reach); stepping down",
              role.name);
          stepDown(role);
        }
      } else if (leases.take(role.lease(), self)) {
        role.leading = true;
        log.info("This replica now plays {}", role.name);
        try {
          role.elected.run();
        } catch (RuntimeException e) {
          // holding the lease without playing the role would keep every other replica from playing it
          log.error("Taking up {} failed; handing it to another replica", role.name, e);
          stepDown(role);
          release(role);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Could not renew or take the lease of {}: {}", role.name, e.getMessage());
    }
  }

  @Override
  public void withdraw(String role) {
    Role withdrawn = roles.remove(role);
    if (withdrawn == null) {
      return;
    }
    Runnable leave = () -> {
      if (withdrawn.leading) {
        stepDown(withdrawn);
        release(withdrawn);
      }
    };
    try {
      // on the leadership's thread, so no contend of this role is halfway through
      clock.submit(leave).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      leave.run();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Withdrawing from {} did not finish: {}", role, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void release(Role role) {
    try {
      java.util.concurrent.CompletableFuture.runAsync(() -> leases.release(role.lease(), self)).get(2, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.debug("Could not release {}: {}", role.name, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stepDown(Role role) {
    role.leading = false;
    try {
      role.deposed.run();
    } catch (RuntimeException e) {
      log.error("Stepping down from {} failed", role.name, e);
    }
  }

  @Override
  public boolean leads(String role) {
    Role r = roles.get(role);
    return r != null && r.leading;
  }

  @Override
  public boolean asLeader(String role, Runnable work) {
    return Boolean.TRUE.equals(transactions.execute(status -> {
      // the row lock makes another replica's take wait until this transaction ends
      boolean held = !jdbc.queryForList("select 1 from cluster_lock where name = ? and holder = ? and locked_until > now()"
          + " for update", Integer.class, PREFIX + role, self).isEmpty();
      if (held) {
        work.run();
      }
      return held;
    }));
  }

  @Override
  public Map<String, String> leaders() {
    Map<String, String> leaders = new LinkedHashMap<>();
    jdbc.query("select name, holder from cluster_lock where name like 'leader:%' and locked_until >= now() order by name",
        rs -> {
          leaders.put(rs.getString(1).substring(PREFIX.length()), rs.getString(2));
        });
    return leaders;
  }

  /** Steps down from every role and releases its lease, so the next leader need not wait for it to lapse. */
  @PreDestroy
  void stop() {
    clock.shutdownNow();
    try {
      clock.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Role role : roles.values()) {
      if (role.leading) {
        stepDown(role);
        release(role);
      }
    }
  }
}
