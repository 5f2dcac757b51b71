package dev.paved.portal.deploy.internal;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.InstanceState;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.portal.deploy.internal.MirrorRows.Kind;
import dev.paved.portal.deploy.internal.MirrorRows.Row;
import dev.paved.portal.operations.ClusterEvent;
import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.ClusterProperties;
import dev.paved.portal.operations.Leadership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is deployed, as every replica shows it: one replica (the leader of {@value #ROLE}) watches Argo CD
 * and writes what its deployment target sees to {@code deployment_mirror}; every replica, the leader
 * included, shows the mirror as it last read it, and reads again when told that it changed (a
 * {@link Changed} event, carried between replicas by PostgreSQL) and each tick in case a notice was missed.
 * When the leader dies, another replica is elected, starts its own watch from a full list and corrects the
 * mirror; pages meanwhile show the last state seen, as they do when Argo CD is unreachable.
 *
 * <p>Reading and writing hold one lock (and happen on the mirror's own thread, but for the first read at
 * start), so the leader compares its target's cache with a mirror that cannot change underneath, and a
 * leader stepping down cannot be halfway through a write.
 */
@Component
public class DeploymentMirror implements SmartLifecycle {
  /** The role of the replica that watches the deployment target. */
  public static final String ROLE = "argocd-watch";
  private static final Logger log = LoggerFactory.getLogger(DeploymentMirror.class);

  /** The mirror changed: read it again. Carries nothing; readers fetch the rows written since they last read. */
  public record Changed() implements ClusterEvent {}

  private final Optional<DeploymentTarget> target;
  private final Leadership leadership;
  private final MirrorRows rows;
  private final JsonMapper json;
  private final ApplicationEventPublisher events;
  private final Map<DeploymentRef, Deployment> deployments = new ConcurrentHashMap<>();
  private final Map<String, InstanceState> instances = new ConcurrentHashMap<>();
  private final List<Consumer<DeploymentEvent>> listeners = new CopyOnWriteArrayList<>();
  /** The thread that reads and writes, one per start (a test's paused context is stopped and started again). */
  private volatile ScheduledExecutorService worker;
  /** Held while reading or writing: the start's first read runs on the starting thread. */
  private final Object mirrorLock = new Object();
  private final AtomicBoolean writePending = new AtomicBoolean();
  private final AtomicBoolean readPending = new AtomicBoolean();
  private final long tick;
  private long readUpTo;
  private volatile boolean running;

  /** While leading: since when this replica's target watches, which instances reported since, and its events. */
  private volatile Instant watchingSince;
  private final Set<String> reportedSinceElected = ConcurrentHashMap.newKeySet();
  private volatile Subscription watched;

  DeploymentMirror(ObjectProvider<DeploymentTarget> targets, Leadership leadership, MirrorRows rows, JsonMapper json,
      ApplicationEventPublisher events, ClusterJobs jobs, ClusterProperties cluster) {
    this.target = Optional.ofNullable(targets.getIfAvailable());
    this.leadership = leadership;
    this.rows = rows;
    this.json = json;
    this.events = events;
    this.tick = cluster.tick().toMillis();
    if (target.isPresent()) {
      jobs.schedule("deployment-mirror-cleanup", Duration.ofHours(1), rows::forgetOldDeletions);
    }
  }

  /**
   * Reads the mirror and competes for the watch once every bean is ready (a change published while the
   * context is still being built would reach half-made listeners).
   */
  @Override
  public synchronized void start() {
    running = true;
    if (target.isEmpty()) {
      return; // nothing to watch, nothing to show
    }
    worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("deployment-mirror").factory());
    writePending.set(false); // a change noticed while stopped was not handled: the first tick writes it
    readPending.set(false);
    read(); // at once, so a replica that joins shows what the leader saw before its first tick
    worker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    leadership.compete(ROLE, this::elected, this::deposed);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Hands the watch over (another replica takes it at once) and stops reading and writing. */
  @Override
  public synchronized void stop() {
    running = false;
    if (target.isEmpty()) {
      return;
    }
    leadership.withdraw(ROLE);
    ScheduledExecutorService stopping = worker;
    worker = null;
    stopping.shutdownNow();
    try {
      stopping.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every deployment, as last read. */
  public List<Deployment> deployments() {
    return deployments.values().stream().sorted(Comparator.comparing((Deployment d) -> d.ref().name())
        .thenComparing(d -> d.ref().instance())).toList();
  }

  public Optional<Deployment> deployment(DeploymentRef ref) {
    return Optional.ofNullable(deployments.get(ref));
  }

  /** Each configured instance as the watching replica last reported it (as configured, before any report). */
  public List<InstanceState> instances() {
    return target.map(t -> t.instances().stream().map(own -> instances.getOrDefault(own.instance(), own)).toList())
        .orElse(List.of());
  }

  /** Every change from now on, on the mirror's own thread (the first read at start excepted): keep {@code listener} quick. */
  public Subscription subscribe(Consumer<DeploymentEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @EventListener
  void changed(Changed changed) {
    if (readPending.compareAndSet(false, true) && !submit(() -> {
      readPending.set(false);
      read();
    })) {
      readPending.set(false);
    }
  }

  private void tick() {
    try {
      if (leadership.leads(ROLE)) {
        write();
      }
      read();
    } catch (RuntimeException e) {
      // a failed tick must not end the ticks (the scheduler drops a task that throws)
      log.warn("The deployment mirror's tick failed; trying again next tick", e);
    }
  }

  private void elected() {
    DeploymentTarget watching = target.orElseThrow();
    watchingSince = Instant.now();
    reportedSinceElected.clear();
    watched = watching.subscribe(event -> {
      if (event.type() == DeploymentEvent.Type.INSTANCE) {
        reportedSinceElected.add(event.state().instance());
      }
      writeSoon();
    });
    watching.startWatching();
  }

  private void deposed() {
    synchronized (mirrorLock) {
      watchingSince = null; // after a write in progress, before the cache empties: no write sees it empty
    }
    Subscription subscription = watched;
    if (subscription != null) {
      subscription.close();
    }
    target.ifPresent(DeploymentTarget::stopWatching);
  }

  private void writeSoon() {
    if (writePending.compareAndSet(false, true) && !submit(() -> {
      writePending.set(false);
      write();
    })) {
      writePending.set(false);
    }
  }

  /** Queues work on the mirror's thread; false when there is none (not started, or stopping). */
  private boolean submit(Runnable work) {
    ScheduledExecutorService current = worker;
    if (current == null) {
      return false;
    }
    try {
      current.execute(work);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      return false;
    }
  }

  /**
   * Writes what the target sees and the mirror does not say yet. An application missing from the target is
   * deleted from the mirror only once its instance was listed since this replica started watching; before
   * that, the target simply does not know it yet.
   */
  private void write() {
    synchronized (mirrorLock) {
      writeChanges();
    }
  }

  private void writeChanges() {
    DeploymentTarget watching = target.orElseThrow();
    Instant since = watchingSince;
    if (since == null) {
      return;
    }
    Map<String, InstanceState> states = watching.instances().stream()
        .collect(Collectors.toMap(InstanceState::instance, Function.identity()));
    Set<String> listed = new HashSet<>();
    List<Runnable> writes = new ArrayList<>();
    for (InstanceState state : states.values()) {
      boolean heardSince = state.lastContact() != null && !state.lastContact().isBefore(since);
      if (heardSince) {
        listed.add(state.instance());
      }
      if ((heardSince || reportedSinceElected.contains(state.instance())) && changed(instances.get(state.instance()), state)) {
        String body = json.writeValueAsString(state);
        writes.add(() -> rows.put(Kind.instance, state.instance(), "", body));
      }
    }
    for (String instance : instances.keySet()) {
      if (!states.containsKey(instance)) {
        writes.add(() -> rows.remove(Kind.instance, instance, "")); // no longer configured
      }
    }
    for (Deployment now : watching.deployments()) {
      if (!now.equals(deployments.get(now.ref()))) {
        String body = json.writeValueAsString(now);
        writes.add(() -> rows.put(Kind.deployment, now.ref().instance(), now.ref().name(), body));
      }
    }
    for (DeploymentRef shown : deployments.keySet()) {
      boolean gone = !states.containsKey(shown.instance())
          || (listed.contains(shown.instance()) && watching.deployment(shown).isEmpty());
      if (gone) {
        writes.add(() -> rows.remove(Kind.deployment, shown.instance(), shown.name()));
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      if (!leadership.asLeader(ROLE, () -> writes.forEach(Runnable::run))) {
        log.debug("Not writing {} changes to the deployment mirror: this replica no longer leads the watch", writes.size());
        return;
      }
    } catch (RuntimeException e) {
      log.warn("Could not write what Argo CD reported to the database ({}); trying again next tick", e.getMessage());
      return;
    }
    read();
    events.publishEvent(new Changed());
  }

  /**
   * Whether an instance's state says something new. The last contact alone does not count: the watch moves
   * it with every line Argo CD streams, and writing (and telling every page) each time would be noise; it is
   * written with the next real change, such as the instance becoming unreachable, when it matters.
   */
  private static boolean changed(InstanceState shown, InstanceState now) {
    return shown == null || shown.reachable() != now.reachable() || !shown.problem().equals(now.problem())
        || !java.util.Objects.equals(shown.unreachableSince(), now.unreachableSince())
        || !java.util.Objects.equals(shown.url(), now.url());
  }

  /** Reads the rows written since the last read and tells listeners what changed. */
  private void read() {
    synchronized (mirrorLock) {
      readChanges();
    }
  }

  private void readChanges() {
    List<Row> changed;
    try {
      changed = rows.since(readUpTo, readUpTo > 0);
    } catch (RuntimeException e) {
      log.warn("Could not read what Argo CD reported from the database ({}); pages show what was read before",
          e.getMessage());
      return;
    }
    for (Row row : changed) {
      readUpTo = Math.max(readUpTo, row.seq());
      try {
        apply(row);
      } catch (RuntimeException e) {
        // written by a newer version of the portal during a rolling update, say: skip it, keep the rest
        log.warn("Skipping a deployment mirror row ({} {}/{}): {}", row.kind(), row.instance(), row.name(), e.getMessage());
      }
    }
  }

  private void apply(Row row) {
    if (row.kind() == Kind.instance) {
      if (row.body() == null) {
        instances.remove(row.instance());
        return;
      }
      InstanceState state = json.readValue(row.body(), InstanceState.class);
      if (!state.equals(instances.put(row.instance(), state))) {
        publish(new DeploymentEvent(DeploymentEvent.Type.INSTANCE, null, state));
      }
      return;
    }
    DeploymentRef ref = new DeploymentRef(row.instance(), row.name());
    if (row.body() == null) {
      Deployment gone = deployments.remove(ref);
      if (gone != null) {
        publish(new DeploymentEvent(DeploymentEvent.Type.DELETED, gone, state(row.instance())));
      }
      return;
    }
    Deployment now = json.readValue(row.body(), Deployment.class);
    Deployment before = deployments.put(ref, now);
    if (!now.equals(before)) {
      publish(new DeploymentEvent(before == null ? DeploymentEvent.Type.ADDED : DeploymentEvent.Type.MODIFIED, now,
          state(row.instance())));
    }
  }

  private InstanceState state(String instance) {
    return instances().stream().filter(s -> s.instance().equals(instance)).findFirst()
        .orElse(new InstanceState(instance, "", true, null, "", null));
  }

  private void publish(DeploymentEvent event) {
    for (Consumer<DeploymentEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("A deployment listener failed", e);
      }
    }
  }

}
