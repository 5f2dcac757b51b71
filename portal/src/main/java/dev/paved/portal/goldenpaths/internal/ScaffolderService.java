package dev.paved.portal.goldenpaths.internal;

import dev.paved.goldenpaths.engine.InMemoryWorkspace;
import dev.paved.goldenpaths.engine.RepoUrl;
import dev.paved.goldenpaths.engine.StepRunner;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.access.Access;
import dev.paved.portal.access.Permission;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.git.GitHosts;
import dev.paved.portal.goldenpaths.DryRunResult;
import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.ClusterProperties;
import dev.paved.portal.operations.Replicas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs scaffolder tasks on a small bounded pool: two at a time, a hundred waiting at most, so a burst of
 * requests queues instead of starving the portal. Every change of a task is stored before it is shown.
 */
@Service
class ScaffolderService implements Scaffolder {
  private static final Logger log = LoggerFactory.getLogger(ScaffolderService.class);
  static final String RECOVERY_JOB = "scaffolder-task-recovery";

  private final GoldenPathLibrary library;
  private final TaskStore store;
  private final AuditLog audit;
  private final GitHosts gitHosts;
  private final CatalogQueries catalog;
  private final ApplicationEventPublisher events;
  private final Access access;
  private final Map<UUID, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor pool;
  private final ClusterJobs jobs;
  private final Replicas replicas;
  private final ClusterProperties cluster;
  private final MeterRegistry meters;

  ScaffolderService(GoldenPathLibrary library, TaskStore store, AuditLog audit, GitHosts gitHosts,
      CatalogQueries catalog, ApplicationEventPublisher events, Access access, ClusterJobs jobs, Replicas replicas,
      ClusterProperties cluster, MeterRegistry meters) {
    this.jobs = jobs;
    this.replicas = replicas;
    this.cluster = cluster;
    this.meters = meters;
    this.access = access;
    this.library = library;
    this.store = store;
    this.audit = audit;
    this.gitHosts = gitHosts;
    this.catalog = catalog;
    this.events = events;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100), r -> {
      Thread t = new Thread(r, "scaffolder-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Looks for tasks whose replica is gone, on one replica at a time: at every start (a restarted replica's
   * own tasks), then every lease.
   */
  @EventListener(ApplicationReadyEvent.class)
  void recoverOrphanedTasks() {
    jobs.schedule(RECOVERY_JOB, cluster.lease(), this::interruptOrphanedTasks);
    jobs.makeDue(RECOVERY_JOB);
    jobs.runIfDue(RECOVERY_JOB);
  }

  private void interruptOrphanedTasks() {
    int interrupted = store.interruptOrphaned(replicas.alive().stream().map(Replicas.Replica::id).toList());
    if (interrupted > 0) {
      log.warn("{} scaffolder tasks were working on a replica that stopped; they are marked interrupted", interrupted);
      meters.counter("paved.scaffolds.interrupted").increment(interrupted);
    }
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  @Override
  public Started start(String name, Map<String, Object> answers, PortalUser user, String requestKey) {
    Actor actor = user.actor();
    Object owner = answers.get("owner");
    access.require(user, Permission.SCAFFOLD, owner instanceof String o ? PortalUser.groupRef(o) : null,
        "Creating a service with golden path " + name + (owner instanceof String o ? " for " + o : ""));
    GoldenPathLibrary.Loaded loaded = library.loaded(name)
        .orElseThrow(() -> new GoldenPathException("no golden path named " + name, true, Map.of()));
    Optional<UUID> earlier = store.findByRequestKey(actor.ref(), requestKey);
    if (earlier.isPresent()) {
      return new Started(store.get(earlier.get()).orElseThrow(), false); // the same submit again (a double-click)
    }
    DryRunResult preview = library.dryRun(name, answers);
    if (!preview.succeeded()) {
      String why = preview.steps().stream().filter(s -> s.error() != null).map(s -> s.name() + ": " + s.error())
          .findFirst().orElse("a step failed");
      throw new GoldenPathException("the preview of these answers fails, so nothing was created: " + why, false, Map.of());
    }
    List<TaskStore.Claim> claims = new ArrayList<>();
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    Map<String, List<String>> conflicts = conflicts(answers, preview, claims, invalid);
    if (!invalid.isEmpty()) {
      throw new GoldenPathException("the repository cannot be created there; see the fields", false, invalid);
    }
    if (!conflicts.isEmpty()) {
      throw GoldenPathException.conflict("something with these names already exists; see the fields", conflicts);
    }
    TaskStore.Created created;
    try {
      created = createClaiming(loaded, answers, actor, requestKey, claims);
    } catch (TaskStore.ClaimTaken e) {
      String holder = store.claimHolder(e.claim.resource()).map(UUID::toString).orElse("another task");
      throw GoldenPathException.conflict("task " + holder + " is already creating " + e.claim.resource() + "; see the fields",
          Map.of(e.claim.field(), List.of("task " + holder + " is already creating " + e.claim.resource()
              + "; choose another name, or undo that task if it failed")));
    }
    UUID id = created.id();
    if (!created.isNew()) {
      return new Started(store.get(id).orElseThrow(), false); // the same request, racing the first
    }
    audit.record(actor.ref(), "scaffold.start", "task:" + id, "requested",
        Map.of("template", name, "version", loaded.template().version()));
    submit(id, false);
    return new Started(store.get(id).orElseThrow(), true);
  }

  /**
   * Stores the task with its claims. A claim held by a task that succeeded long ago is stale when the
   * checks just now found nothing of that name (the service was removed since): it is taken over once.
   */
  private TaskStore.Created createClaiming(GoldenPathLibrary.Loaded loaded, Map<String, Object> answers, Actor actor,
      String requestKey, List<TaskStore.Claim> claims) {
    try {
      return store.create(loaded.template(), answers, actor, requestKey, claims);
    } catch (TaskStore.ClaimTaken e) {
      Optional<UUID> holder = store.claimHolder(e.claim.resource());
      if (holder.isEmpty() || !State.SUCCEEDED.equals(store.state(holder.get()))) {
        throw e;
      }
      store.dropClaim(e.claim.resource(), holder.get());
      return store.create(loaded.template(), answers, actor, requestKey, claims);
    }
  }

  /**
   * What would clash with something that exists: the repository the answers name, and the catalog
   * entities the preview's catalog-info.yaml would add.
   */
  private Map<String, List<String>> conflicts(Map<String, Object> answers, DryRunResult preview,
      List<TaskStore.Claim> claims, Map<String, List<String>> invalid) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    if (answers.get("repoUrl") instanceof String repoUrl) {
      try {
        Map<String, Object> repo = RepoUrl.parse(repoUrl);
        Optional<GitHost> host = gitHosts.forHostName((String) repo.get("host"));
        claims.add(new TaskStore.Claim("repository:" + repo.get("host") + "/" + repo.get("owner") + "/" + repo.get("repo"),
            "repoUrl"));
        if (host.isEmpty()) {
          invalid.put("repoUrl", List.of("no Git host is set up for " + repo.get("host") + "; choose one of "
              + String.join(", ", gitHosts.hostNames())));
        } else if (host.get().exists((String) repo.get("owner"), (String) repo.get("repo"))) {
          problems.put("repoUrl", List.of("repository " + repo.get("owner") + "/" + repo.get("repo")
              + " already exists on " + repo.get("host") + "; choose another name"));
        }
      } catch (IllegalArgumentException | GitHostException e) {
        invalid.put("repoUrl", List.of(e.getMessage()));
      }
    }
    preview.files().stream().filter(f -> (f.path().equals("catalog-info.yaml") || f.path().endsWith("/catalog-info.yaml"))
        && f.text() != null).forEach(f -> {
          Iterable<Object> docs;
          try {
            docs = toList(new Load(LoadSettings.builder().build()).loadAllFromString(f.text()));
          } catch (RuntimeException e) {
            // the golden path renders a descriptor the catalog could not read: say so before anything is made
            invalid.put("(form)", List.of(f.path() + " as rendered is not valid YAML: " + e.getMessage()));
            return;
          }
          for (Object doc : docs) {
            if (doc instanceof Map<?, ?> entity && entity.get("metadata") instanceof Map<?, ?> metadata
                && entity.get("kind") instanceof String kind && metadata.get("name") instanceof String entityName) {
              String namespace = metadata.get("namespace") instanceof String ns ? ns : "default";
              EntityRef ref;
              try {
                ref = EntityRef.parse(kind + ":" + namespace + "/" + entityName);
              } catch (IllegalArgumentException e) {
                invalid.put(answers.containsKey("name") ? "name" : "(form)",
                    List.of(f.path() + " would name an entity the catalog refuses: " + e.getMessage()));
                continue;
              }
              claims.add(new TaskStore.Claim("entity:" + ref.toString().toLowerCase(java.util.Locale.ROOT),
                  answers.containsKey("name") ? "name" : "(form)"));
              if (catalog.get(ref).isPresent()) {
                problems.computeIfAbsent(answers.containsKey("name") ? "name" : "(form)", k -> new ArrayList<>())
                    .add("the catalog already has " + ref + "; choose another name");
              }
            }
          }
        });
    return problems;
  }

  private static List<Object> toList(Iterable<Object> documents) {
    List<Object> list = new ArrayList<>();
    documents.forEach(list::add);
    return list;
  }

  private void submit(UUID id, boolean retry) {
    try {
      pool.execute(() -> run(id, retry));
    } catch (RejectedExecutionException e) {
      store.finish(id, State.FAILED, null, "too many tasks are waiting; retry this one in a minute");
      changed(id);
    }
  }

  private void run(UUID id, boolean retry) {
    AtomicBoolean cancelled = cancelFlags.computeIfAbsent(id, k -> new AtomicBoolean());
    Actor actor = store.creator(id);
    long started = System.nanoTime();
    String template = null;
    try {
      if (!store.transition(id, List.of(State.QUEUED), State.RUNNING)) {
        return; // cancelled while it waited
      }
      changed(id);
      TaskView task = store.get(id).orElseThrow();
      template = task.template();
      Optional<GoldenPathLibrary.Loaded> loaded = library.loaded(task.template());
      if (loaded.isEmpty()) {
        finish(id, actor, State.FAILED, null, "golden path " + task.template() + " is no longer offered");
        return;
      }
      if (!loaded.get().template().version().equals(task.templateVersion())) {
        store.log(id, null, "golden path " + task.template() + " is now version " + loaded.get().template().version()
            + " (the task was started with " + task.templateVersion() + "); running the current version");
      }
      // a cancel asked on another replica reaches this one through the task's state
      StepRunner.Options options = new StepRunner.Options(false, actor, id.toString(),
          retry ? store.doneOutputs(id) : Map.of(), listener(id),
          () -> cancelled.get() || State.CANCELLING.equals(store.state(id)));
      StepRunner.RunResult result = library.runner().run(loaded.get().template(), loaded.get().files(), task.answers(),
          new InMemoryWorkspace(), options);
      if (result.succeeded()) {
        finish(id, actor, State.SUCCEEDED, result.output(), null);
      } else {
        StepRunner.StepResult last = result.steps().get(result.steps().size() - 1);
        boolean wasCancelled = last.status() == StepRunner.Status.CANCELLED;
        finish(id, actor, wasCancelled ? State.CANCELLED : State.FAILED, result.output(),
            wasCancelled ? "cancelled by the user" : last.name() + " failed: " + last.error());
      }
    } catch (StepRunner.InvalidAnswersException e) {
      finish(id, actor, State.FAILED, null, "the answers are no longer valid for this golden path: " + e.problems());
    } catch (RuntimeException e) {
      log.error("Scaffolder task {} failed unexpectedly", id, e);
      finish(id, actor, State.FAILED, null, "the portal failed while running the task: " + e.getMessage());
    } finally {
      cancelFlags.remove(id);
      if (template != null) {
        measure(id, template, System.nanoTime() - started);
      }
    }
  }

  /** Scaffolds by golden path and outcome, and how long they ran, for the portal's dashboard. */
  private void measure(UUID id, String template, long nanos) {
    String outcome;
    try {
      outcome = store.state(id);
    } catch (RuntimeException e) {
      outcome = "unknown"; // the database is away; the task's own record says what happened once it is back
    }
    meters.counter("paved.scaffolds", "golden_path", template, "outcome", outcome).increment();
    Timer.builder("paved.scaffold.duration").description("How long scaffolder tasks ran, queue excluded")
        .tag("golden_path", template).tag("outcome", outcome).register(meters).record(nanos, TimeUnit.NANOSECONDS);
  }

  private void finish(UUID id, Actor actor, String state, Map<String, Object> output, String error) {
    DatabaseRetry.run(() -> store.finish(id, state, output, error));
    try {
      DatabaseRetry.run(() -> audit.record(actor.ref(), "scaffold.run", "task:" + id,
          state.equals(State.SUCCEEDED) ? "success" : state, error == null ? Map.of() : Map.of("error", error)));
    } catch (RuntimeException e) {
      // the task's own record is written; a lost audit entry must not turn a finished task into a failed one
      log.error("Could not write the audit entry for task {} ({} by {}): {}", id, state, actor.ref(), e.getMessage());
    }
    changed(id);
  }

  private StepRunner.Listener listener(UUID id) {
    return new StepRunner.Listener() {
      @Override
      public void stepStarted(String stepId, String name) {
        DatabaseRetry.run(() -> store.stepStarted(id, stepId));
        changed(id);
      }

      @Override
      public void logged(String stepId, String line) {
        DatabaseRetry.run(() -> store.log(id, stepId, line));
        changed(id);
      }

      @Override
      public void undoRecorded(String stepId, Map<String, Object> record) {
        // the one write that must not be lost: without it, what the step made could not be undone
        DatabaseRetry.run(() -> store.undoRecorded(id, stepId, record));
      }

      @Override
      public void stepFinished(StepRunner.StepResult result) {
        DatabaseRetry.run(() -> store.stepFinished(id, result));
        changed(id);
      }
    };
  }

  @Override
  public Optional<TaskView> get(UUID id) {
    return store.get(id);
  }

  @Override
  public List<TaskSummary> list(TaskFilter filter) {
    return store.list(filter);
  }

  @Override
  public TaskView retry(UUID id, PortalUser user) {
    Actor actor = requireTaskAccess(id, user, "Retrying task " + id);
    if (!store.transition(id, State.RECOVERABLE, State.QUEUED)) {
      throw GoldenPathException.conflict("only a failed, cancelled or interrupted task can be retried; this one is "
          + store.state(id), Map.of());
    }
    store.log(id, null, "retried by " + actor.name() + ": steps that changed things and finished are not run again");
    audit.record(actor.ref(), "scaffold.retry", "task:" + id, "requested", Map.of());
    changed(id);
    submit(id, true);
    return store.get(id).orElseThrow();
  }

  @Override
  public TaskView undo(UUID id, PortalUser user) {
    Actor actor = requireTaskAccess(id, user, "Undoing task " + id);
    if (!store.transition(id, State.RECOVERABLE, State.UNDOING)) {
      throw GoldenPathException.conflict("only a failed, cancelled or interrupted task can be undone; this one is "
          + store.state(id), Map.of());
    }
    store.log(id, null, "undo asked by " + actor.name());
    audit.record(actor.ref(), "scaffold.undo", "task:" + id, "requested", Map.of());
    changed(id);
    try {
      pool.execute(() -> runUndo(id, actor));
    } catch (RejectedExecutionException e) {
      store.finish(id, State.UNDO_FAILED, null, "too many tasks are waiting; ask for the undo again in a minute");
      changed(id);
    }
    return store.get(id).orElseThrow();
  }

  private void runUndo(UUID id, Actor actor) {
    try {
      List<StepRunner.UndoRecord> records = store.undoRecords(id);
      StepRunner.Options options = new StepRunner.Options(false, actor, id.toString(), Map.of(), listener(id), () -> false);
      List<StepRunner.UndoResult> results = library.runner().undo(records, options);
      List<String> failures = new ArrayList<>();
      for (StepRunner.UndoResult r : results) {
        if (r.undone()) {
          store.undone(id, r.stepId());
        } else {
          failures.add(r.stepId() + ": " + r.error());
        }
      }
      if (failures.isEmpty()) {
        store.releaseClaims(id);
        store.log(id, null, records.isEmpty() ? "nothing to undo: no step recorded a change outside the portal"
            : "undone: every change the steps recorded was reversed");
      }
      store.finish(id, failures.isEmpty() ? State.UNDONE : State.UNDO_FAILED, null,
          failures.isEmpty() ? null : "could not undo " + String.join("; ", failures));
      audit.record(actor.ref(), "scaffold.undo", "task:" + id, failures.isEmpty() ? "success" : "failure",
          failures.isEmpty() ? Map.of() : Map.of("error", String.join("; ", failures)));
    } catch (RuntimeException e) {
      log.error("Undo of task {} failed unexpectedly", id, e);
      store.finish(id, State.UNDO_FAILED, null, "the portal failed while undoing: " + e.getMessage());
    }
    changed(id);
  }

  @Override
  public TaskView cancel(UUID id, PortalUser user) {
    Actor actor = requireTaskAccess(id, user, "Cancelling task " + id);
    AtomicBoolean flag = cancelFlags.computeIfAbsent(id, k -> new AtomicBoolean());
    flag.set(true);
    if (store.transition(id, List.of(State.QUEUED), State.CANCELLED)) {
      cancelFlags.remove(id);
    } else if (!store.transition(id, List.of(State.RUNNING), State.CANCELLING)) {
      cancelFlags.remove(id);
      throw GoldenPathException.conflict("only a queued or running task can be cancelled; this one is " + store.state(id),
          Map.of());
    }
    store.log(id, null, "cancel asked by " + actor.name() + "; the current step finishes first");
    audit.record(actor.ref(), "scaffold.cancel", "task:" + id, "requested", Map.of());
    changed(id);
    return store.get(id).orElseThrow();
  }

  /**
   * The task's creator may act on it; so may whoever may act on tasks for the service's owner (its team, and
   * platform engineers).
   */
  private Actor requireTaskAccess(UUID id, PortalUser user, String what) {
    TaskView task = store.get(id).orElseThrow(() -> new GoldenPathException("no task " + id, true, Map.of()));
    if (!user.ref().equals(task.createdBy())) {
      Object owner = task.answers().get("owner");
      access.require(user, Permission.MANAGE_TASKS, owner instanceof String o ? PortalUser.groupRef(o) : null, what);
    }
    return user.actor();
  }

  private void changed(UUID id) {
    events.publishEvent(new TaskChanged(id));
  }
}
