package dev.paved.portal.deploy;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.access.Access;
import dev.paved.portal.access.Permission;
import dev.paved.portal.access.PermissionDenied;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.settings.Settings;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.deploy.internal.GitOpsFiles;
import dev.paved.portal.deploy.internal.ValuesFile;
import dev.paved.portal.git.GitOps;
import dev.paved.portal.access.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Day-2 operations on a deployment, each written to the audit log with who asked, the target, before and
 * after, and the outcome. Rollback and scale change what is deployed, so they are GitOps commits (authored
 * by the user, with a message saying what and why) followed by a sync; sync, refresh and restart are Argo
 * CD's own operations.
 */
@Service
@EnableConfigurationProperties(DeploymentProperties.class)
public class DeploymentOperations {
  /** Workload kinds Argo CD has a restart action for. */
  private static final Set<String> RESTARTABLE = Set.of("Deployment", "StatefulSet", "DaemonSet", "Rollout");

  private final Deployments deployments;
  private final GitOps gitops;
  private final AuditLog audit;
  private final CurrentUser user;
  private final Access access;
  private final CatalogQueries catalog;
  private final Settings settings;

  DeploymentOperations(Deployments deployments, GitOps gitops, AuditLog audit, CurrentUser user,
      Access access, CatalogQueries catalog, Settings settings) {
    this.settings = settings;
    this.access = access;
    this.catalog = catalog;
    this.deployments = deployments;
    this.gitops = gitops;
    this.audit = audit;
    this.user = user;
  }

  /**
   * What an operation did, for the user.
   *
   * @param message one or two sentences: what happened, and anything to know (a sync that failed after the commit)
   * @param commit the GitOps commit it made, or null
   * @param after the deployment as Argo CD reported it afterwards, or null if it could not say
   */
  public record Result(String message, String commit, Deployment after) {}

  /** The policies in force: the admins' settings, or else the configuration. */
  public DeploymentProperties properties() {
    return new DeploymentProperties(settings.value(DeploymentSettings.ROLLBACK),
        Integer.parseInt(settings.value(DeploymentSettings.MAX_REPLICAS)));
  }

  /**
   * The catalog owner of the service a deployment belongs to: the owner of the Component named after its
   * {@code paved.dev/service} label whose Argo CD annotations select it. Empty when the catalog has no such
   * component, in which case only platform engineers may operate it.
   */
  public Optional<String> ownerOf(Deployment deployment) {
    if (deployment.service().isBlank()) {
      return Optional.empty();
    }
    try {
      return catalog.get(new EntityRef("component", "default", deployment.service()))
          .filter(entity -> Deployments.matchesEntity(deployment, entity))
          .map(entity -> entity.summary().owner()).filter(o -> o != null && !o.isBlank()).map(PortalUser::groupRef);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a label that cannot name a catalog entity
    }
  }

  /**
   * Why the signed-in user may not operate the deployment, or empty when they may: pages disable what would be
   * refused and say why.
   */
  public Optional<String> refusal(Deployment deployment) {
    try {
      return access.refusal(user.user(), Permission.OPERATE, ownerOf(deployment).orElse(null),
          "Operating " + label(deployment));
    } catch (CurrentUser.NotSignedIn e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Refuses (and audits the refusal) unless the caller belongs to the service's owners or is a platform engineer. */
  private void authorize(DeploymentRef ref, String action, String what) throws DeploymentException {
    Deployment deployment = existing(ref);
    PortalUser caller = user.user();
    try {
      access.require(caller, Permission.OPERATE, ownerOf(deployment).orElse(null), what + " " + label(deployment));
    } catch (PermissionDenied e) {
      audit.record(caller.ref(), action, "argocd:" + ref.instance() + "/" + ref.name(), "denied",
          Map.of("error", e.getMessage()));
      throw e;
    }
  }

  public Result sync(DeploymentRef ref, boolean prune, boolean dryRun) throws DeploymentException {
    authorize(ref, "deployment.sync", "Syncing");
    Deployment before = current(ref);
    return audited("deployment.sync", ref, Map.of("prune", prune, "dryRun", dryRun, "before", state(before)), () -> {
      Deployment after = target().sync(ref, prune, dryRun);
      return new Result((dryRun ? "Dry run of a sync of " : "Sync of ") + ref.name() + " requested"
          + (prune ? " with pruning" : "") + ": " + phase(after), null, after);
    });
  }

  public Result refresh(DeploymentRef ref, boolean hard) throws DeploymentException {
    authorize(ref, "deployment.refresh", "Refreshing");
    return audited("deployment.refresh", ref, Map.of("hard", hard), () -> {
      Deployment after = target().refresh(ref, hard);
      return new Result(ref.name() + " compared with Git again: " + after.sync().label() + ", " + after.health().label(),
          null, after);
    });
  }

  /** Restarts the application's workloads (or the one named), with Argo CD's restart action. */
  public Result restart(DeploymentRef ref, String workload) throws DeploymentException {
    authorize(ref, "deployment.restart", "Restarting");
    return audited("deployment.restart", ref, Map.of("workload", workload == null ? "all" : workload), () -> {
      List<ResourceNode> workloads = target().resourceTree(ref).stream()
          .filter(n -> RESTARTABLE.contains(n.kind()) && (workload == null || workload.equals(n.name()))).toList();
      if (workloads.isEmpty()) {
        throw new DeploymentException(Reason.NOT_FOUND, ref.name() + " has no " + (workload == null
            ? "Deployment, StatefulSet or DaemonSet to restart" : "workload named " + workload));
      }
      for (ResourceNode node : workloads) {
        target().restart(ref, node);
      }
      return new Result("Restarting " + String.join(", ", workloads.stream().map(n -> n.kind() + " " + n.name()).toList())
          + ": pods are replaced one by one", null, current(ref));
    });
  }

  /**
   * Writes the replica count to the environment's GitOps values and syncs. Where the environment autoscales,
   * the autoscaler's minimum is what moves (and its maximum, when the file sets one below it).
   */
  public Result scale(DeploymentRef ref, int replicas) throws DeploymentException {
    authorize(ref, "deployment.scale", "Scaling");
    int maxReplicas = properties().maxReplicas();
    if (replicas < 0 || replicas > maxReplicas) {
      throw new DeploymentException(Reason.REFUSED, "replicas must be between 0 and " + maxReplicas
          + " (the Most replicas setting), not " + replicas);
    }
    Deployment deployment = existing(ref);
    GitOpsFiles files = gitopsFiles(deployment.sources(), deployment, "scale");
    if (files.valuesFile() == null) {
      throw new DeploymentException(Reason.REFUSED, ref.name() + " takes no Helm values file from the GitOps repository, "
          + "so there is nowhere to write the replica count");
    }
    String file = files.valuesFile();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", file);
    details.put("replicas", replicas);
    return audited("deployment.scale", ref, details, () -> {
      String message = "Scale " + label(deployment) + " to " + replicas + " replicas, by " + user.get().name();
      String commit = commit(head -> {
        // worked out on the head the commit lands on, again if another commit lands first
        byte[] current = head.apply(file).orElseThrow(() -> new GitHostException(file + " is not in the GitOps "
            + "repository " + gitops.cloneUrl(), false));
        ValuesFile values = new ValuesFile(new String(current, StandardCharsets.UTF_8));
        boolean autoscaled = Boolean.TRUE.equals(values.get("autoscaling.enabled"));
        if (autoscaled && replicas == 0) {
          throw new IllegalStateException(label(deployment) + " autoscales: an autoscaler's minimum cannot be 0; turn "
              + "autoscaling off in " + file + " to scale to zero");
        }
        String key = autoscaled ? "autoscaling.minReplicas" : values.get("replicaCount") != null ? "replicaCount" : "replicas";
        details.put("key", key);
        details.put("before", String.valueOf(values.get(key)));
        values.set(key, replicas);
        if (autoscaled && values.get("autoscaling.maxReplicas") instanceof Number max && max.intValue() < replicas) {
          values.set("autoscaling.maxReplicas", replicas);
          details.put("maxReplicas", replicas);
        }
        details.put("after", String.valueOf(replicas));
        return new GitOps.Edit(Map.of(file, values.text().getBytes(StandardCharsets.UTF_8)), List.of());
      }, message);
      details.put("commit", commit);
      boolean autoscaled = "autoscaling.minReplicas".equals(details.get("key"));
      return syncAfterCommit(ref, files.sourceIndex(), commit, (autoscaled ? "The autoscaler's minimum for "
          : "Replicas of ") + label(deployment) + " set to " + replicas + (details.containsKey("maxReplicas")
          ? " (and its maximum, which was lower)" : autoscaled ? " (its maximum stays as the chart or file sets it)" : "")
          + " in " + file);
    });
  }

  /**
   * Rolls back to an earlier deployment: by default its GitOps configuration is written back as a commit and
   * synced; with {@code paved.deployments.rollback=argocd}, Argo CD's rollback runs after auto-sync is off.
   */
  public Result rollback(DeploymentRef ref, long historyId) throws DeploymentException {
    authorize(ref, "deployment.rollback", "Rolling back");
    Deployment deployment = existing(ref);
    HistoryEntry entry = target().history(ref).stream().filter(h -> h.id() == historyId).findFirst()
        .orElseThrow(() -> new DeploymentException(Reason.NOT_FOUND, ref.name() + " has no deployment " + historyId
            + " in its history (Argo CD keeps the last ten)"));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("historyId", historyId);
    details.put("before", deployment.revisions());
    details.put("after", entry.revisions());
    if (properties().argoCdRollback()) {
      details.put("mode", "argocd");
      return audited("deployment.rollback", ref, details, () -> {
        String note = "";
        if (deployment.autoSync()) {
          target().setAutoSync(ref, false);
          details.put("autoSyncSwitchedOff", true);
          note = " Auto-sync of " + ref.name() + " was switched off first, as Argo CD requires: the rollback lasts"
              + " until someone syncs from Git again.";
        }
        try {
          Deployment after = target().rollback(ref, historyId);
          return new Result("Argo CD rolled " + ref.name() + " back to deployment " + historyId + "." + note, null, after);
        } catch (DeploymentException e) {
          if (deployment.autoSync()) {
            try {
              target().setAutoSync(ref, true);
              details.put("autoSyncRestored", true);
            } catch (DeploymentException again) {
              throw new DeploymentException(e.reason(), e.getMessage() + " Auto-sync of " + ref.name() + " was switched "
                  + "off for the rollback and could not be switched on again (" + again.getMessage() + "): sync it by hand.");
            }
          }
          throw e;
        }
      });
    }
    details.put("mode", "gitops");
    GitOpsFiles files = gitopsFiles(entry.sources().isEmpty() ? deployment.sources() : entry.sources(), deployment, "roll back");
    if (files.sourceIndex() >= entry.revisions().size()) {
      throw new DeploymentException(Reason.REFUSED, "deployment " + historyId + " of " + ref.name()
          + " does not record the GitOps repository's revision, so it cannot be restored from Git");
    }
    String revision = entry.revisions().get(files.sourceIndex());
    details.put("gitopsRevision", revision);
    return audited("deployment.rollback", ref, details, () -> {
      Map<String, byte[]> restored = new LinkedHashMap<>();
      for (String path : files.paths()) {
        Map<String, byte[]> then = read(revision, path);
        if (then.isEmpty()) {
          throw new DeploymentException(Reason.REFUSED, path + " did not exist in the GitOps repository at "
              + abbreviate(revision) + ", so there is nothing to restore");
        }
        restored.putAll(then);
      }
      details.put("files", List.copyOf(restored.keySet()));
      // a folder comes back exactly as it was: what was added to it since goes
      List<String> folders = files.paths().stream().filter(p -> !restored.containsKey(p)).toList();
      String commit = commit(head -> new GitOps.Edit(restored, folders), "Roll back " + label(deployment)
          + " to " + abbreviate(revision) + ", by " + user.get().name());
      details.put("commit", commit);
      return syncAfterCommit(ref, files.sourceIndex(), commit, label(deployment) + "'s configuration in the GitOps "
          + "repository is back to " + abbreviate(revision) + " (the chart follows its repository's branch)");
    });
  }

  /**
   * Deletes one environment of a service: its Argo CD application with the resources it deployed, then its
   * folder in the GitOps repository (in a commit), so nothing recreates it.
   *
   * @param confirmation the application's name, typed by the user: a deletion is not undone by a click
   */
  public Result delete(DeploymentRef ref, String confirmation) throws DeploymentException {
    authorize(ref, "deployment.delete", "Deleting");
    if (!ref.name().equals(confirmation == null ? null : confirmation.strip())) {
      throw new DeploymentException(Reason.REFUSED, "type the application's name, " + ref.name()
          + ", to confirm deleting it");
    }
    Deployment deployment = existing(ref);
    GitOpsFiles files;
    try {
      files = GitOpsFiles.of(deployment.sources(), gitops.cloneUrl(), deployment.service());
    } catch (IllegalArgumentException e) {
      files = null; // its GitOps paths are not the service's own: those are left alone
    }
    String folder = files == null || files.valuesFile() == null ? null
        : java.nio.file.Path.of(files.valuesFile()).getParent() == null ? null
        : java.nio.file.Path.of(files.valuesFile()).getParent().toString();
    // only an environment's own folder (<service>/<environment>) goes, never the service's folder with the others
    String environmentFolder = folder != null && folder.contains("/") ? folder : null;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("before", state(deployment));
    details.put("gitopsFolder", environmentFolder == null ? "none" : environmentFolder);
    return audited("deployment.delete", ref, details, () -> {
      target().delete(ref);
      if (environmentFolder == null) {
        return new Result("Deleted " + ref.name() + ": Argo CD removes its resources. It is not deployed from a folder"
            + " of its own in the GitOps repository, so no files were removed there.", null, null);
      }
      try {
        String commit = commit(head -> new GitOps.Edit(Map.of(), List.of(environmentFolder)),
            "Delete " + label(deployment) + ", by " + user.get().name());
        details.put("commit", commit);
        return new Result("Deleted " + ref.name() + ": Argo CD removes its resources, and " + environmentFolder
            + " is gone from the GitOps repository (commit " + abbreviate(commit) + ").", commit, null);
      } catch (DeploymentException e) {
        return new Result("Deleted " + ref.name() + " in Argo CD, but " + environmentFolder + " could not be removed"
            + " from the GitOps repository: " + e.getMessage() + " Remove it there.", null, null);
      }
    });
  }

  /** Turns auto-sync on or off. */
  public Result autoSync(DeploymentRef ref, boolean enabled) throws DeploymentException {
    authorize(ref, "deployment.auto-sync", "Changing auto-sync of");
    return audited("deployment.auto-sync", ref, Map.of("enabled", enabled), () -> {
      Deployment after = target().setAutoSync(ref, enabled);
      return new Result("Auto-sync of " + ref.name() + " is " + (enabled ? "on" : "off"), null, after);
    });
  }

  private Result syncAfterCommit(DeploymentRef ref, int sourceIndex, String commit, String done) {
    try {
      // pinned to the commit: Argo CD may still have the branch's previous commit cached
      Deployment after = target().syncRevision(ref, sourceIndex, commit);
      return new Result(done + " (commit " + abbreviate(commit) + "), and Argo CD is syncing: " + phase(after), commit, after);
    } catch (DeploymentException e) {
      return new Result(done + " (commit " + abbreviate(commit) + "), but the sync could not be started: " + e.getMessage()
          + " Argo CD deploys the commit when it next syncs.", commit, null);
    }
  }

  /** An operation that changes something. */
  @FunctionalInterface
  private interface Change {
    Result run() throws DeploymentException;
  }

  private Result audited(String action, DeploymentRef ref, Map<String, ?> details, Change change) throws DeploymentException {
    Actor actor = user.get();
    String target = "deployment:" + ref;
    try {
      Result result = change.run();
      Map<String, Object> recorded = new LinkedHashMap<>(details);
      if (result.after() != null) {
        recorded.put("result", state(result.after()));
      }
      audit.record(actor.ref(), action, target, "success", recorded);
      return result;
    } catch (DeploymentException e) {
      Map<String, Object> recorded = new LinkedHashMap<>(details);
      recorded.put("error", e.getMessage());
      audit.record(actor.ref(), action, target, "failure", recorded);
      throw e;
    } catch (RuntimeException e) {
      // whatever went wrong is recorded and told as the operation's failure, never lost in a 500
      Map<String, Object> recorded = new LinkedHashMap<>(details);
      recorded.put("error", String.valueOf(e.getMessage()));
      audit.record(actor.ref(), action, target, "failure", recorded);
      throw new DeploymentException(e instanceof IllegalStateException || e instanceof IllegalArgumentException
          ? Reason.REFUSED : Reason.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
  }

  private String commit(GitOps.Change change, String message) throws DeploymentException {
    try {
      return gitops.commit(change, message, user.get());
    } catch (GitHostException e) {
      throw new DeploymentException(Reason.FAILED, "the GitOps repository could not be written, so nothing changed: "
          + e.getMessage());
    }
  }

  private Map<String, byte[]> read(String revision, String path) throws DeploymentException {
    try {
      return gitops.read(revision, path);
    } catch (GitOps.UnknownRevision e) {
      throw new DeploymentException(Reason.NOT_FOUND, e.getMessage() + "; it may have been rewritten away");
    } catch (GitHostException e) {
      throw new DeploymentException(Reason.UNREACHABLE, "the GitOps repository could not be read: " + e.getMessage());
    }
  }

  private GitOpsFiles gitopsFiles(List<dev.paved.plugin.deploy.DeploymentSource> sources, Deployment deployment,
      String what) throws DeploymentException {
    GitOpsFiles files;
    try {
      files = GitOpsFiles.of(sources, gitops.cloneUrl(), deployment.service());
    } catch (IllegalArgumentException e) {
      throw new DeploymentException(Reason.REFUSED, deployment.ref().name() + ": " + e.getMessage());
    }
    if (files == null) {
      throw new DeploymentException(Reason.REFUSED, deployment.ref().name() + " is not deployed from the GitOps repository "
          + gitops.cloneUrl() + ", so the portal cannot " + what + " it with a commit"
          + ("roll back".equals(what) ? "; set paved.deployments.rollback=argocd to use Argo CD's rollback instead" : ""));
    }
    return files;
  }

  private Deployment existing(DeploymentRef ref) throws DeploymentException {
    target();
    return deployments.get(ref).orElseThrow(() -> new DeploymentException(Reason.NOT_FOUND, "Argo CD " + ref.instance()
        + " has no application " + ref.name() + " (as last seen)"));
  }

  private Deployment current(DeploymentRef ref) {
    return deployments.get(ref).orElse(null);
  }

  private DeploymentTarget target() throws DeploymentException {
    return deployments.target();
  }

  private static Map<String, Object> state(Deployment d) {
    if (d == null) {
      return Map.of();
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("sync", d.sync().label());
    state.put("health", d.health().label());
    state.put("revisions", d.revisions());
    return state;
  }

  private static String phase(Deployment after) {
    return after.operation() == null ? after.sync().label() : after.operation().phase()
        + (after.operation().message().isEmpty() ? "" : " (" + after.operation().message() + ")");
  }

  private static String label(Deployment d) {
    return (d.service().isEmpty() ? d.ref().name() : d.service()) + (d.environment().isEmpty() ? "" : " " + d.environment());
  }

  private static String abbreviate(String revision) {
    return revision.length() > 12 ? revision.substring(0, 12) : revision;
  }
}
