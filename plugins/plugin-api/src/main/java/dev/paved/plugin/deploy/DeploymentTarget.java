package dev.paved.plugin.deploy;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A deployment system the portal watches and operates, such as Argo CD, possibly with several instances
 * (one per cluster).
 *
 * <p>Lifecycle: while watching ({@link #startWatching()}) the target keeps a cache of every application;
 * {@link #deployments()} and {@link #deployment} answer from that cache and never wait for the remote
 * system, so pages stay fast when it is slow or gone ({@link #instances()} says so). The other calls go to
 * the system, bounded by the target's timeouts, whether the target watches or not: with several replicas of
 * the portal only one watches, and the others read what it saw from the database. {@link #close()} stops
 * everything.
 *
 * <p>Operations here are the system's own (sync, refresh, restart, its API rollback). Changing what is
 * deployed (a GitOps rollback, scaling) is a commit the portal makes to the GitOps repository, followed by
 * {@link #sync}.
 */
public interface DeploymentTarget extends AutoCloseable {

  /** Identifies the kind of target, in kebab-case, such as {@code argocd}. */
  String id();

  /** Every application known, as last seen; from the cache. */
  List<Deployment> deployments();

  /** One application as last seen, from the cache. */
  Optional<Deployment> deployment(DeploymentRef ref);

  /** Whether each instance is reachable, and since when it is not. */
  List<InstanceState> instances();

  /**
   * Calls {@code listener} for every change from now on, on the target's watch thread: keep it quick and
   * hand work elsewhere.
   */
  Subscription subscribe(Consumer<DeploymentEvent> listener);

  /** The application's Kubernetes resources, fetched now. */
  List<ResourceNode> resourceTree(DeploymentRef ref) throws DeploymentException;

  /** Earlier deployments, oldest first, fetched now. */
  List<HistoryEntry> history(DeploymentRef ref) throws DeploymentException;

  /** The commit behind a revision of one of the application's sources (by index in its source list). */
  RevisionInfo revision(DeploymentRef ref, String revision, int sourceIndex) throws DeploymentException;

  /**
   * Streams a container's log lines to {@code listener} on a thread of the target's; close the returned
   * subscription to stop following. Returns at once: a stream that cannot be opened or breaks ends with
   * {@link LogListener#ended} and the reason.
   *
   * @throws DeploymentException when the request itself is wrong (no such instance)
   */
  Subscription logs(DeploymentRef ref, LogQuery query, LogListener listener) throws DeploymentException;

  /**
   * Asks the system to sync the application with Git.
   *
   * @param prune also delete resources Git no longer has
   * @param dryRun only work out what would change
   * @return the application after the request
   */
  Deployment sync(DeploymentRef ref, boolean prune, boolean dryRun) throws DeploymentException;

  /**
   * Syncs one source of the application to a given revision, such as the GitOps commit just made, so the
   * system does not deploy an older one it still has cached for the branch.
   *
   * @param sourceIndex the source's position in {@link Deployment#sources()}, from 0
   */
  Deployment syncRevision(DeploymentRef ref, int sourceIndex, String revision) throws DeploymentException;

  /** Asks the system to compare with Git again now (a hard refresh also regenerates manifests). */
  Deployment refresh(DeploymentRef ref, boolean hard) throws DeploymentException;

  /** Restarts a workload (a rolling restart of a Deployment's pods). */
  void restart(DeploymentRef ref, ResourceNode workload) throws DeploymentException;

  /**
   * Turns the application's automatic sync off, or on (with pruning and self-healing), changing nothing else
   * of the application.
   */
  Deployment setAutoSync(DeploymentRef ref, boolean enabled) throws DeploymentException;

  /**
   * The system's own rollback to an earlier deployment. It only works with auto-sync off; the next sync
   * from Git undoes it, which is why the portal's default rollback is a GitOps commit instead.
   */
  Deployment rollback(DeploymentRef ref, long historyId) throws DeploymentException;

  /**
   * Deletes the application and, cascading, the resources it deployed. The change reaches {@link #subscribe
   * subscribers} as a deletion once the system has removed it.
   */
  void delete(DeploymentRef ref) throws DeploymentException;

  /**
   * Starts keeping the cache current (doing nothing if it already is): a full list of each instance's
   * applications, then its changes as they happen. Once an instance's {@link InstanceState#lastContact()} is
   * later than this call, {@link #deployments()} holds all of that instance's applications.
   */
  void startWatching();

  /**
   * Stops watching and empties the cache, telling {@link #subscribe subscribers} nothing: the portal stops
   * when its replica no longer leads the watch, and another replica's watch takes over. Operations keep
   * working.
   */
  void stopWatching();

  /** Stops watching and every stream (logs included) for good. */
  @Override
  void close();
}
