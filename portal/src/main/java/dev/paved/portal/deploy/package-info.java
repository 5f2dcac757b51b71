/**
 * Deployments: what Argo CD (any {@link dev.paved.plugin.deploy.DeploymentTarget}) runs for each service,
 * and the day-2 operations developers do without kubectl. Reads come from a mirror in the database that the
 * one replica watching Argo CD keeps current ({@link dev.paved.portal.deploy.internal.DeploymentMirror}); changes of
 * what is deployed (rollback, scale) are commits to the GitOps repository followed by a sync, so Git and the
 * cluster agree; every operation is written to the audit log.
 */
package dev.paved.portal.deploy;
