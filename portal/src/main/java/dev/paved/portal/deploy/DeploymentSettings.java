package dev.paved.portal.deploy;

import dev.paved.portal.settings.SettingDefinition;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deployment policies admins may change at runtime; the configuration ({@code paved.deployments}) gives the defaults. */
@Configuration(proxyBeanMethods = false)
class DeploymentSettings {
  static final String ROLLBACK = "deployments.rollback";
  static final String MAX_REPLICAS = "deployments.max-replicas";

  @Bean
  SettingDefinition rollbackSetting(DeploymentProperties properties) {
    return SettingDefinition.choice(ROLLBACK, "Deployments", "Rollback", "gitops: a rollback commits the earlier"
        + " configuration to the GitOps repository and syncs (Git and the cluster agree); argocd: Argo CD's own"
        + " rollback, which switches auto-sync off and lasts until the next sync.", List.of("gitops", "argocd"),
        properties::rollback);
  }

  @Bean
  SettingDefinition maxReplicasSetting(DeploymentProperties properties) {
    return SettingDefinition.number(MAX_REPLICAS, "Deployments", "Most replicas", "The largest replica count Scale"
        + " accepts.", 1, 1000, () -> String.valueOf(properties.maxReplicas()));
  }
}
