package dev.paved.portal.deploy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How day-2 operations behave, under {@code paved.deployments}.
 *
 * @param rollback {@code gitops} (the default): a rollback writes the earlier configuration back to the GitOps
 *     repository as a commit and syncs, so Git and the cluster agree; {@code argocd}: Argo CD's own rollback,
 *     which needs auto-sync off (the portal switches it off first and says so) and lasts until the next sync
 * @param maxReplicas the most replicas Scale accepts
 */
@ConfigurationProperties("paved.deployments")
public record DeploymentProperties(@DefaultValue("gitops") String rollback, @DefaultValue("50") int maxReplicas) {

  public DeploymentProperties {
    if (!"gitops".equals(rollback) && !"argocd".equals(rollback)) {
      throw new IllegalArgumentException("paved.deployments.rollback must be gitops or argocd, not '" + rollback + "'");
    }
    if (maxReplicas < 1) {
      throw new IllegalArgumentException("paved.deployments.max-replicas must be at least 1");
    }
  }

  /** Whether rollbacks use Argo CD's rollback API rather than a GitOps commit. */
  public boolean argoCdRollback() {
    return "argocd".equals(rollback);
  }
}
