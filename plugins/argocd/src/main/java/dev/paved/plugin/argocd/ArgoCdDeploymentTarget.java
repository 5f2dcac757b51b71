package dev.paved.plugin.argocd;

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
import dev.paved.plugin.argocd.client.model.V1alpha1SyncPolicy;
import dev.paved.plugin.argocd.client.model.V1alpha1SyncPolicyAutomated;
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
  private final Map<String, ApplicationWatcher> watchers = new LinkedHashMap<>();
  private final Map<DeploymentRef, Deployment> cache = new ConcurrentHashMap<>();
  private final Map<DeploymentRef, String> versions = new ConcurrentHashMap<>();
  private final List<Consumer<DeploymentEvent>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Connects to every configured instance and starts watching.
   *
   * @param resync how often a watch starts over from a fresh list even if nothing broke
   * @param firstBackoff the first wait before reconnecting to an unreachable instance
   */
  public ArgoCdDeploymentTarget(ArgoCdProperties properties, Clock clock, Duration resync, Duration firstBackoff) {
    properties.instances().forEach((name, instance) -> clients.put(name, new ArgoCdClient(name, instance, clock)));
    clients.forEach((name, client) -> watchers.put(name, new ApplicationWatcher(client, new CacheSink(), resync, firstBackoff)));
    watchers.values().forEach(ApplicationWatcher::start);
  }

  @Override
  public String id() {
    return "argocd";
  }

  @Override
  public List<Deployment> deployments() {
    return cache.values().stream().sorted(Comparator.comparing((Deployment d) -> d.ref().name())
        .thenComparing(d -> d.ref().instance())).toList();
  }

  @Override
  public Optional<Deployment> deployment(DeploymentRef ref) {
    return Optional.ofNullable(cache.get(ref));
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
    ArgoCdClient client = client(ref);
    AtomicBoolean closed = new AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<InputStream> open = new java.util.concurrent.atomic.AtomicReference<>();
    // opened on the reading thread: Argo CD answers a quiet followed log only with its first line
    Thread.ofVirtual().name("argocd-logs-" + query.pod()).start(() -> {
      DeploymentException problem = null;
      InputStream in;
      try {
        in = client.stream("read the logs of " + query.pod(), path.toString());
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
              + e.getMessage() + ". Open the logs again to resume.", e);
        }
      }
      listener.ended(problem);
    });
    return () -> {
      if (!closed.getAndSet(true) && open.get() != null) {
        closeQuietly(open.get());
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
    V1alpha1Application app = get(ref, false);
    V1alpha1SyncPolicy policy = Optional.ofNullable(app.getSpec().getSyncPolicy()).orElseGet(V1alpha1SyncPolicy::new);
    if (enabled) {
      policy.setAutomated(new V1alpha1SyncPolicyAutomated().prune(true).selfHeal(true));
    } else {
      policy.setAutomated(null); // understood by every Argo CD version, unlike automated.enabled (3.1+)
    }
    app.getSpec().setSyncPolicy(policy);
    app.setStatus(null);
    V1alpha1Application updated = client(ref).call((enabled ? "turn on" : "turn off") + " auto-sync of " + ref.name(),
        api -> api.applicationServiceUpdate(ref.name(), app, null, null));
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
  public void close() {
    watchers.values().forEach(ApplicationWatcher::stop);
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

  private Deployment remember(String instance, V1alpha1Application app) {
    new CacheSink().changed(instance, "MODIFIED", app);
    return cache.get(new DeploymentRef(instance, app.getMetadata().getName()));
  }

  private void publish(DeploymentEvent event) {
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

  /** Applies what a watcher saw to the cache and tells listeners what changed. */
  private final class CacheSink implements ApplicationWatcher.Sink {
    @Override
    public void listed(String instance, List<V1alpha1Application> applications) {
      Set<DeploymentRef> seen = new HashSet<>();
      for (V1alpha1Application app : applications) {
        seen.add(new DeploymentRef(instance, app.getMetadata().getName()));
        changed(instance, "ADDED", app);
      }
      for (DeploymentRef ref : new ArrayList<>(cache.keySet())) {
        if (ref.instance().equals(instance) && !seen.contains(ref)) {
          Deployment gone = cache.remove(ref);
          versions.remove(ref);
          if (gone != null) {
            publish(new DeploymentEvent(DeploymentEvent.Type.DELETED, gone, clients.get(instance).state()));
          }
        }
      }
    }

    @Override
    public void reachable(String instance) {
      publish(new DeploymentEvent(DeploymentEvent.Type.INSTANCE, null, clients.get(instance).state()));
    }

    @Override
    public void changed(String instance, String type, V1alpha1Application app) {
      DeploymentRef ref = new DeploymentRef(instance, app.getMetadata().getName());
      if ("DELETED".equals(type)) {
        versions.remove(ref);
        Deployment gone = cache.remove(ref);
        if (gone != null) {
          publish(new DeploymentEvent(DeploymentEvent.Type.DELETED, gone, clients.get(instance).state()));
        }
        return;
      }
      String version = app.getMetadata().getResourceVersion();
      String known = versions.get(ref);
      if (known != null && version != null && older(version, known)) {
        return; // a stream event that the list already overtook
      }
      Deployment deployment = ApplicationMapping.deployment(instance, app);
      Deployment before = cache.put(ref, deployment);
      if (version != null) {
        versions.put(ref, version);
      }
      if (!deployment.equals(before)) {
        publish(new DeploymentEvent(before == null ? DeploymentEvent.Type.ADDED : DeploymentEvent.Type.MODIFIED,
            deployment, clients.get(instance).state()));
      }
    }

    @Override
    public void unreachable(String instance) {
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
