package dev.paved.plugin.argocd;

import dev.paved.plugin.argocd.client.model.ApplicationApplicationPatchRequest;
import dev.paved.plugin.argocd.client.model.ApplicationApplicationRollbackRequest;
import dev.paved.plugin.argocd.client.model.ApplicationApplicationSyncRequest;
import dev.paved.plugin.argocd.client.model.ApplicationResourceActionRunRequestV2;
import dev.paved.plugin.argocd.client.model.ApplicationResourceActionsListResponse;
import dev.paved.plugin.argocd.client.model.StreamResultOfApplicationLogEntry;
import dev.paved.plugin.argocd.client.model.V1alpha1Application;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationTree;
import dev.paved.plugin.argocd.client.model.V1alpha1ResourceAction;
import dev.paved.plugin.argocd.client.model.V1alpha1RevisionHistory;
import dev.paved.plugin.argocd.client.model.V1alpha1RevisionMetadata;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.deploy.InstanceState;
import dev.paved.plugin.deploy.LogLine;
import dev.paved.plugin.deploy.LogListener;
import dev.paved.plugin.deploy.LogQuery;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.deploy.RevisionInfo;
import dev.paved.plugin.deploy.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo CD as a {@link DeploymentTarget}: one {@link ArgoCdClient} and one {@link ApplicationWatcher} per
 * configured instance, feeding one cache of every application that pages read without waiting for Argo CD.
 */
public final class ArgoCdDeploymentTarget implements DeploymentTarget {
  private static final Logger log = LoggerFactory.getLogger(ArgoCdDeploymentTarget.class);

  private final Map<String, ArgoCdClient> clients = new LinkedHashMap<>();
  /** The watcher of each instance while watching; empty otherwise. */
  private final Map<String, ApplicationWatcher> watchers = new ConcurrentHashMap<>();
  private final Duration resync;
  private final Duration firstBackoff;
  /** A deployment as last seen, with the resource version of the application it came from. */
  private record Cached(Deployment deployment, String version) {}

  private final Map<DeploymentRef, Cached> cache = new ConcurrentHashMap<>();
  private final CacheSink sink = new CacheSink();
  private final List<Consumer<DeploymentEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Set<Thread> logReaders = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Connects to every configured instance; {@link #startWatching()} starts the watches.
   *
   * @param resync how often a watch starts over from a fresh list even if nothing broke
   * @param firstBackoff the first wait before reconnecting to an unreachable instance
   */
  public ArgoCdDeploymentTarget(ArgoCdProperties properties, Clock clock, Duration resync, Duration firstBackoff) {
    this(properties, clock, resync, firstBackoff, new CompositeMeterRegistry());
  }

  /**
   * Connects to every configured instance, timing every call to Argo CD in {@code meters};
   * {@link #startWatching()} starts the watches.
   *
   * @param resync how often a watch starts over from a fresh list even if nothing broke
   * @param firstBackoff the first wait before reconnecting to an unreachable instance
   */
  public ArgoCdDeploymentTarget(ArgoCdProperties properties, Clock clock, Duration resync, Duration firstBackoff,
      MeterRegistry meters) {
    properties.instances().forEach((name, instance) -> clients.put(name, new ArgoCdClient(name, instance, clock, meters)));
    this.resync = resync;
    this.firstBackoff = firstBackoff;
    clients.forEach((name, client) -> client.onAnsweredWhileUnreachable(() -> {
      ApplicationWatcher watcher = watchers.get(name);
      if (watcher != null) {
        watcher.wake();
      }
    }));
  }

  @Override
  public synchronized void startWatching() {
    if (!watchers.isEmpty()) {
      return;
    }
    // a watcher runs once: each start has new ones, so a stop that is still ending cannot swallow the start
    clients.forEach((name, client) -> watchers.put(name, new ApplicationWatcher(client, sink, resync, firstBackoff)));
    watchers.values().forEach(ApplicationWatcher::start);
  }

  @Override
  public synchronized void stopWatching() {
    List<ApplicationWatcher> stopping = List.copyOf(watchers.values());
    watchers.clear();
    stopping.forEach(ApplicationWatcher::stop);
    stopping.forEach(ApplicationWatcher::awaitStop);
    cache.clear();
  }

  @Override
  public String id() {
    return "argocd";
  }

  @Override
  public List<Deployment> deployments() {
    return cache.values().stream().map(Cached::deployment).sorted(Comparator.comparing((Deployment d) -> d.ref().name())
        .thenComparing(d -> d.ref().instance())).toList();
  }

  @Override
  public Optional<Deployment> deployment(DeploymentRef ref) {
    return Optional.ofNullable(cache.get(ref)).map(Cached::deployment);
  }

  @Override
  public List<InstanceState> instances() {
    return clients.values().stream().map(ArgoCdClient::state).toList();
  }

  @Override
  public Subscription subscribe(Consumer<DeploymentEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public List<ResourceNode> resourceTree(DeploymentRef ref) throws DeploymentException {
    V1alpha1ApplicationTree tree = client(ref).call("read the resources of " + ref.name(),
        api -> api.applicationServiceResourceTree(ref.name(), null, null, null, null, null, null, null));
    return tree.getNodes() == null ? List.of() : tree.getNodes().stream().map(ApplicationMapping::node).toList();
  }

  @Override
  public List<HistoryEntry> history(DeploymentRef ref) throws DeploymentException {
    V1alpha1Application app = get(ref, false);
    List<V1alpha1RevisionHistory> history = app.getStatus() == null || app.getStatus().getHistory() == null ? List.of()
        : app.getStatus().getHistory();
    return history.stream().map(ApplicationMapping::history).toList();
  }

  @Override
  public RevisionInfo revision(DeploymentRef ref, String revision, int sourceIndex) throws DeploymentException {
    V1alpha1RevisionMetadata meta = client(ref).call("read commit " + abbreviate(revision) + " of " + ref.name(),
        api -> api.applicationServiceRevisionMetadata(ref.name(), revision, null, null, sourceIndex, null));
    return new RevisionInfo(revision, meta.getAuthor(), ApplicationMapping.time(meta.getDate()), meta.getMessage());
  }

  @Override
  public Subscription logs(DeploymentRef ref, LogQuery query, LogListener listener) throws DeploymentException {
    StringBuilder path = new StringBuilder("/api/v1/applications/").append(encode(ref.name())).append("/logs?podName=")
        .append(encode(query.pod())).append("&tailLines=").append(query.tailLines()).append("&follow=").append(query.follow());
    if (!query.namespace().isEmpty()) {
      path.append("&namespace=").append(encode(query.namespace()));
    }
    if (!query.container().isEmpty()) {
      path.append("&container=").append(encode(query.container()));
    }
    if (!query.filter().isEmpty()) {
      path.append("&filter=").append(encode(query.filter()));
    }
    if (query.sinceSeconds() > 0) {
      path.append("&sinceSeconds=").append(query.sinceSeconds());
    }
    ArgoCdClient client = client(ref);
    AtomicBoolean closed = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<InputStream> open = new java.util.concurrent.atomic.AtomicReference<>();
    // opened on the reading thread: Argo CD answers a quiet followed log only with its first line; a read
    // that is not followed must answer within the request timeout
    Duration headersWithin = query.follow() ? Duration.ofDays(1) : client.config().requestTimeout();
    // a platform thread: Helm (native code) elsewhere in the process may pin every virtual thread's carrier,
    // and a followed log must keep reading
    Thread reader = Thread.ofPlatform().daemon().name("argocd-logs-" + query.pod()).start(() -> {
      DeploymentException problem = null;
      InputStream in;
      try {
        in = client.stream("read the logs of " + query.pod(), path.toString(), headersWithin);
      } catch (DeploymentException e) {
        listener.ended(closed.get() ? null : e);
        return;
      }
      open.set(in);
      if (closed.get()) {
        closeQuietly(in);
      }
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while (!closed.get() && (line = lines.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          StreamResultOfApplicationLogEntry entry = ArgoCdClient.JSON.readValue(line, StreamResultOfApplicationLogEntry.class);
          if (entry.getError() != null) {
            problem = new DeploymentException(Reason.FAILED, "Argo CD ended the logs of " + query.pod() + ": "
                + entry.getError().getMessage());
            break;
          }
          if (entry.getResult() == null || Boolean.TRUE.equals(entry.getResult().getLast())) {
            break;
          }
          String stamp = entry.getResult().getTimeStampStr() != null ? entry.getResult().getTimeStampStr()
              : entry.getResult().getTimeStamp();
          listener.line(new LogLine(Optional.ofNullable(entry.getResult().getPodName()).orElse(query.pod()),
              ApplicationMapping.time(stamp), Optional.ofNullable(entry.getResult().getContent()).orElse("")));
        }
      } catch (IOException | RuntimeException e) {
        if (!closed.get()) {
          problem = new DeploymentException(Reason.UNREACHABLE, "the log stream of " + query.pod() + " broke: "
              + e.getMessage() + ". Show the logs again to resume.", e);
        }
      } finally {
        logReaders.remove(Thread.currentThread());
      }
      listener.ended(problem);
    });
    logReaders.add(reader);
    return () -> {
      if (!closed.getAndSet(true)) {
        InputStream in = open.get();
        if (in != null) {
          closeQuietly(in);
        } else {
          reader.interrupt(); // still waiting for Argo CD's first line: stop waiting
        }
      }
    };
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing is all that is wanted
    }
  }

  @Override
  public Deployment sync(DeploymentRef ref, boolean prune, boolean dryRun) throws DeploymentException {
    V1alpha1Application app = client(ref).call((dryRun ? "dry-run a sync of " : "sync ") + ref.name(),
        api -> api.applicationServiceSync(ref.name(), new ApplicationApplicationSyncRequest().name(ref.name())
            .prune(prune).dryRun(dryRun)));
    return remember(ref.instance(), app);
  }

  @Override
  public Deployment syncRevision(DeploymentRef ref, int sourceIndex, String revision) throws DeploymentException {
    Deployment known = deployment(ref).orElse(null);
    if (known == null) {
      // not in the cache (this replica does not watch, another one does): ask how many sources it has
      known = ApplicationMapping.deployment(ref.instance(), get(ref, false));
    }
    ApplicationApplicationSyncRequest request = new ApplicationApplicationSyncRequest().name(ref.name());
    if (known.sources().size() > 1) {
      // Argo CD numbers sources from 1 here
      request.revisions(List.of(revision)).sourcePositions(List.of((long) sourceIndex + 1));
    } else {
      request.revision(revision);
    }
    V1alpha1Application app = client(ref).call("sync " + ref.name() + " to " + abbreviate(revision),
        api -> api.applicationServiceSync(ref.name(), request));
    return remember(ref.instance(), app);
  }

  @Override
  public Deployment refresh(DeploymentRef ref, boolean hard) throws DeploymentException {
    return remember(ref.instance(), get(ref, true, hard ? "hard" : "normal"));
  }

  @Override
  public void restart(DeploymentRef ref, ResourceNode workload) throws DeploymentException {
    ApplicationResourceActionsListResponse actions = client(ref).call("list what can be done with " + workload.kind()
        + " " + workload.name(), api -> api.applicationServiceListResourceActions(ref.name(), workload.namespace(),
        workload.name(), workload.version(), workload.group(), workload.kind(), null, null));
    boolean available = actions.getActions() != null && actions.getActions().stream()
        .anyMatch(a -> "restart".equals(a.getName()) && !Boolean.TRUE.equals(a.getDisabled()));
    if (!available) {
      throw new DeploymentException(Reason.REFUSED, "Argo CD " + ref.instance() + " offers no restart for " + workload.kind()
          + " " + workload.name() + (actions.getActions() == null ? "" : " (it offers: " + String.join(", ",
          actions.getActions().stream().map(V1alpha1ResourceAction::getName).toList()) + ")"));
    }
    client(ref).call("restart " + workload.kind() + " " + workload.name(), api -> api.applicationServiceRunResourceActionV2(
        ref.name(), new ApplicationResourceActionRunRequestV2().name(ref.name()).action("restart")
            .namespace(workload.namespace()).resourceName(workload.name()).kind(workload.kind())
            .group(workload.group()).version(workload.version())));
  }

  @Override
  public Deployment setAutoSync(DeploymentRef ref, boolean enabled) throws DeploymentException {
    // a merge patch of spec.syncPolicy.automated only: a read-modify-write of the whole application would
    // undo concurrent edits and drop fields this client does not know
    String patch = enabled ? "{\"spec\":{\"syncPolicy\":{\"automated\":{\"prune\":true,\"selfHeal\":true}}}}"
        : "{\"spec\":{\"syncPolicy\":{\"automated\":null}}}";
    V1alpha1Application updated = client(ref).call((enabled ? "turn on" : "turn off") + " auto-sync of " + ref.name(),
        api -> api.applicationServicePatch(ref.name(), new ApplicationApplicationPatchRequest().name(ref.name())
            .patch(patch).patchType("merge")));
    return remember(ref.instance(), updated);
  }

  @Override
  public Deployment rollback(DeploymentRef ref, long historyId) throws DeploymentException {
    V1alpha1Application app = client(ref).call("roll back " + ref.name() + " to deployment " + historyId,
        api -> api.applicationServiceRollback(ref.name(), new ApplicationApplicationRollbackRequest().name(ref.name())
            .id(historyId)));
    return remember(ref.instance(), app);
  }

  @Override
  public void delete(DeploymentRef ref) throws DeploymentException {
    // foreground: Argo CD removes the resources first, then the application (the watch reports it gone)
    client(ref).call("delete " + ref.name(), api -> api.applicationServiceDelete(ref.name(), true, "foreground", null,
        null));
  }

  @Override
  public void close() {
    logReaders.forEach(Thread::interrupt);
    stopWatching();
    listeners.clear();
    clients.values().forEach(ArgoCdClient::close);
  }

  /** The client of an instance, for the scaffolder action. */
  ArgoCdClient client(String instance) throws DeploymentException {
    ArgoCdClient client = clients.get(instance);
    if (client == null) {
      throw new DeploymentException(Reason.NOT_FOUND, "no Argo CD instance named '" + instance + "' is configured; "
          + "the configured ones are " + String.join(", ", clients.keySet()));
    }
    return client;
  }

  /** Ends every watch stream so each lists again: what a resync does, callable by tests. */
  void restartWatches() {
    watchers.values().forEach(ApplicationWatcher::restartStream);
  }

  private ArgoCdClient client(DeploymentRef ref) throws DeploymentException {
    return client(ref.instance());
  }

  private V1alpha1Application get(DeploymentRef ref, boolean refresh) throws DeploymentException {
    return get(ref, refresh, null);
  }

  private V1alpha1Application get(DeploymentRef ref, boolean refresh, String mode) throws DeploymentException {
    return client(ref).call((refresh ? "refresh " : "read ") + ref.name(),
        api -> api.applicationServiceGet(ref.name(), mode, null, null, null));
  }

  /** Takes an answer of a request into the cache, unless the watch already has something newer or it is gone. */
  private Deployment remember(String instance, V1alpha1Application app) {
    DeploymentRef ref = new DeploymentRef(instance, app.getMetadata().getName());
    if (cache.containsKey(ref)) {
      sink.changed(instance, "MODIFIED", app);
    }
    return cache.getOrDefault(ref, new Cached(ApplicationMapping.deployment(instance, app), null)).deployment();
  }

  private void publish(DeploymentEvent event) {
    log.debug("{} {} to {} listeners", event.type(), event.deployment() == null ? event.state() : event.deployment().ref(),
        listeners.size());
    for (Consumer<DeploymentEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("a deployment listener failed", e);
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String revision) {
    return revision.length() > 12 ? revision.substring(0, 12) : revision;
  }

  /**
   * Applies what a watcher saw (and what requests answered) to the cache, one application at a time
   * atomically, newest resource version winning, and tells listeners what changed.
   */
  private final class CacheSink implements ApplicationWatcher.Sink {
    @Override
    public void listed(String instance, List<V1alpha1Application> applications) {
      if (watchers.isEmpty()) {
        return; // a watcher that was still ending when watching stopped: the cache stays empty
      }
      Set<DeploymentRef> seen = new HashSet<>();
      for (V1alpha1Application app : applications) {
        seen.add(new DeploymentRef(instance, app.getMetadata().getName()));
        changed(instance, "ADDED", app);
      }
      for (DeploymentRef ref : new ArrayList<>(cache.keySet())) {
        if (ref.instance().equals(instance) && !seen.contains(ref)) {
          Cached gone = cache.remove(ref);
          if (gone != null) {
            publish(new DeploymentEvent(DeploymentEvent.Type.DELETED, gone.deployment(), clients.get(instance).state()));
          }
        }
      }
    }

    @Override
    public void changed(String instance, String type, V1alpha1Application app) {
      if (watchers.isEmpty()) {
        return; // not watching: nothing is cached, and an operation's answer brings nothing back
      }
      DeploymentRef ref = new DeploymentRef(instance, app.getMetadata().getName());
      if ("DELETED".equals(type)) {
        Cached gone = cache.remove(ref);
        if (gone != null) {
          publish(new DeploymentEvent(DeploymentEvent.Type.DELETED, gone.deployment(), clients.get(instance).state()));
        }
        return;
      }
      String version = app.getMetadata().getResourceVersion();
      Deployment now = ApplicationMapping.deployment(instance, app);
      Cached[] before = new Cached[1];
      Cached after = cache.compute(ref, (key, known) -> {
        before[0] = known;
        if (known != null && known.version() != null && version != null && older(version, known.version())) {
          return known; // an answer or event that a newer one already overtook
        }
        return new Cached(now, version);
      });
      if (before[0] == null || !after.deployment().equals(before[0].deployment())) {
        publish(new DeploymentEvent(before[0] == null ? DeploymentEvent.Type.ADDED : DeploymentEvent.Type.MODIFIED,
            after.deployment(), clients.get(instance).state()));
      }
    }

    @Override
    public void unreachable(String instance) {
      publish(new DeploymentEvent(DeploymentEvent.Type.INSTANCE, null, clients.get(instance).state()));
    }

    @Override
    public void reachable(String instance) {
      publish(new DeploymentEvent(DeploymentEvent.Type.INSTANCE, null, clients.get(instance).state()));
    }

    private boolean older(String version, String known) {
      try {
        return Long.parseLong(version) < Long.parseLong(known);
      } catch (NumberFormatException e) {
        return false; // resource versions are opaque in general; only numeric ones are compared
      }
    }
  }
}
