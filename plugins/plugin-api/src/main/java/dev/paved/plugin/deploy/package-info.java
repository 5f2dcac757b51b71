/**
 * Deployment: where a service's environments run and how developers operate them without kubectl. A
 * {@link dev.paved.plugin.deploy.DeploymentTarget} (Argo CD is the built-in one) reports the status of
 * every deployed application from a cache it keeps current, streams changes, and carries out the
 * operations that belong to the deployment system: sync, refresh, restart, its own rollback, pod logs.
 * Changes of what is deployed (rolling back to an earlier configuration, scaling) are GitOps commits the
 * portal makes before it asks the target to sync, so Git and the cluster agree.
 *
 * <p>Every call that reaches a remote system throws {@link dev.paved.plugin.deploy.DeploymentException}
 * with a reason and a message for the user, and is bounded by the target's timeouts (a call that signs in
 * again first may take twice as long; streams are bounded only until their first line).
 */
package dev.paved.plugin.deploy;
