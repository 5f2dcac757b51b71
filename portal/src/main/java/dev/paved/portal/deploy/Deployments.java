package dev.paved.portal.deploy;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.deploy.InstanceState;
import dev.paved.plugin.deploy.LogListener;
import dev.paved.plugin.deploy.LogQuery;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.deploy.RevisionInfo;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.deploy.internal.DeploymentMirror;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What is deployed, read from the {@link DeploymentMirror} (never waiting for Argo CD; the same on every
 * replica), and the reads that go to Argo CD on demand: resource tree, history with commit details, logs.
 */
@Service
public class Deployments {
  /** Backstage's annotations for Argo CD, which Paved's golden paths write too. */
  public static final String APP_NAME = "argocd/app-name";
  public static final String APP_SELECTOR = "argocd/app-selector";
  public static final String INSTANCE_NAME = "argocd/instance-name";

  private final Optional<DeploymentTarget> target;
  private final DeploymentMirror mirror;
  /**
   * Commits never change: their details are kept (the most recent few thousand), as futures so that pages
   * asking for the same commit at once share one call; "Argo CD cannot say" is kept too.
   */
  private final Map<String, CompletableFuture<RevisionInfo>> commits = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<RevisionInfo>> eldest) {
          return size() > 5_000;
        }
      });
  private final Executor lookups = Background.executor();

  Deployments(ObjectProvider<DeploymentTarget> targets, DeploymentMirror mirror) {
    this.target = Optional.ofNullable(targets.getIfAvailable());
    this.mirror = mirror;
  }

  /**
   * One deployed revision with the commit behind each source.
   *
   * @param entry the history entry
   * @param commits the commit of each source, in source order; null where Argo CD could not say
   */
  public record DeployedRevision(HistoryEntry entry, List<RevisionInfo> commits) {}

  /** Whether a deployment system is connected at all (in the embedded default there is none). */
  public boolean connected() {
    return target.isPresent();
  }

  /** Each instance, with whether it is reachable and since when it is not. */
  public List<InstanceState> instances() {
    return mirror.instances();
  }

  /** Every deployment, as last seen. */
  public List<Deployment> all() {
    return mirror.deployments();
  }

  public Optional<Deployment> get(DeploymentRef ref) {
    return mirror.deployment(ref);
  }

  /** Whether an entity says how to find its deployments (the Argo CD annotations). */
  public static boolean deploys(EntityDetails entity) {
    Map<String, String> annotations = annotations(entity);
    return annotations.containsKey(APP_NAME) || annotations.containsKey(APP_SELECTOR);
  }

  /** An entity's deployments, found by its {@code argocd/app-name} or {@code argocd/app-selector} annotation. */
  public List<Deployment> of(EntityDetails entity) {
    Map<String, String> annotations = annotations(entity);
    return all().stream().filter(d -> matches(d, annotations)).toList();
  }

  /** The service name an entity's deployments carry (the selector's {@code paved.dev/service}), or its name. */
  public static String serviceOf(EntityDetails entity) {
    String selector = annotations(entity).getOrDefault(APP_SELECTOR, "");
    for (String term : selector.split(",")) {
      String[] kv = term.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equals("paved.dev/service")) {
        return kv[1].trim();
      }
    }
    return entity.summary().name();
  }

  /** Whether a deployment belongs to an entity, by its annotations. */
  public static boolean matchesEntity(Deployment deployment, EntityDetails entity) {
    return matches(deployment, annotations(entity));
  }

  /** The entity's Argo CD annotations as written, for messages. */
  public static String describeSelector(EntityDetails entity) {
    Map<String, String> annotations = annotations(entity);
    List<String> parts = new ArrayList<>();
    for (String key : List.of(APP_NAME, APP_SELECTOR, INSTANCE_NAME)) {
      if (annotations.containsKey(key)) {
        parts.add(key + ": " + annotations.get(key));
      }
    }
    return parts.isEmpty() ? "none set" : String.join(", ", parts);
  }

  static boolean matches(Deployment deployment, Map<String, String> annotations) {
    String instance = annotations.get(INSTANCE_NAME);
    if (instance != null && !instance.isBlank() && !instance.trim().equals(deployment.ref().instance())) {
      return false;
    }
    String names = annotations.get(APP_NAME);
    if (names != null && !names.isBlank()) {
      for (String name : names.split(",")) {
        if (name.trim().equals(deployment.ref().name())) {
          return true;
        }
      }
    }
    String selector = annotations.get(APP_SELECTOR);
    if (selector == null || selector.isBlank()) {
      return false;
    }
    for (String term : selector.split(",")) {
      String[] kv = term.trim().split("=", 2);
      String value = deployment.labels().get(kv[0].trim());
      if (value == null || (kv.length == 2 && !value.equals(kv[1].trim()))) {
        return false;
      }
    }
    return true;
  }

  public List<ResourceNode> tree(DeploymentRef ref) throws DeploymentException {
    return target().resourceTree(ref);
  }

  /** Every deployed revision, newest first, without commit details (one call). */
  public List<HistoryEntry> entries(DeploymentRef ref) throws DeploymentException {
    List<HistoryEntry> entries = new ArrayList<>(target().history(ref));
    Collections.reverse(entries);
    return entries;
  }

  /** Every deployed revision, newest first, with the commit of each source (looked up in parallel). */
  public List<DeployedRevision> history(DeploymentRef ref) throws DeploymentException {
    List<HistoryEntry> entries = entries(ref);
    List<List<CompletableFuture<RevisionInfo>>> pending = new ArrayList<>();
    for (HistoryEntry entry : entries) {
      List<CompletableFuture<RevisionInfo>> lookups = new ArrayList<>();
      for (int i = 0; i < entry.revisions().size(); i++) {
        lookups.add(commitAsync(ref, entry.revisions().get(i), i));
      }
      pending.add(lookups);
    }
    List<DeployedRevision> revisions = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      revisions.add(new DeployedRevision(entries.get(e), pending.get(e).stream().map(Deployments::orNull).toList()));
    }
    return revisions;
  }

  /** The commit behind the revision of a source, or null when Argo CD cannot say (a chart version, say). */
  public RevisionInfo commit(DeploymentRef ref, String revision, int sourceIndex) {
    return orNull(commitAsync(ref, revision, sourceIndex));
  }

  /**
   * The commit behind the revision of a source, looked up off the caller's thread; completes with null when
   * Argo CD cannot say. A lookup that failed (Argo CD unreachable) is forgotten, so a later one tries again.
   */
  public CompletableFuture<RevisionInfo> commitAsync(DeploymentRef ref, String revision, int sourceIndex) {
    if (target.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    String key = ref + "@" + sourceIndex + "@" + revision;
    CompletableFuture<RevisionInfo> lookup = commits.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
      try {
        return target.get().revision(ref, revision, sourceIndex);
      } catch (DeploymentException e) {
        if (e.reason() == Reason.NOT_FOUND || e.reason() == Reason.REFUSED) {
          return null;
        }
        throw new java.util.concurrent.CompletionException(e);
      }
    }, lookups));
    lookup.whenComplete((info, failure) -> {
      if (failure != null) {
        commits.remove(key, lookup);
      }
    });
    return lookup;
  }

  private static RevisionInfo orNull(CompletableFuture<RevisionInfo> lookup) {
    try {
      return lookup.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public Subscription logs(DeploymentRef ref, LogQuery query, LogListener listener) throws DeploymentException {
    return target().logs(ref, query, listener);
  }

  /** Every change from now on, on the mirror's thread. */
  public Subscription subscribe(Consumer<DeploymentEvent> listener) {
    return mirror.subscribe(listener);
  }

  DeploymentTarget target() throws DeploymentException {
    return target.orElseThrow(() -> new DeploymentException(Reason.NOT_FOUND, "No Argo CD is connected to this portal: "
        + "set paved.plugins.argocd.instances.<name>.url and a token (see the README, \"Connect Argo CD\")."));
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> annotations(EntityDetails entity) {
    Object metadata = entity.body().get("metadata");
    if (metadata instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a) {
      Map<String, String> annotations = new LinkedHashMap<>();
      ((Map<Object, Object>) a).forEach((k, v) -> annotations.put(String.valueOf(k), String.valueOf(v)));
      return annotations;
    }
    return Map.of();
  }
}
