package dev.paved.plugin.argocd;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Registers {@code argocd:create-app} always (so golden paths that deploy run everywhere, saying plainly when
 * no Argo CD is connected) and the Argo CD deployment target when at least one instance is configured under
 * {@code paved.plugins.argocd.instances}. The target does not watch until told to: the portal starts the
 * watch on the one replica that leads it.
 */
@AutoConfiguration
@EnableConfigurationProperties(ArgoCdProperties.class)
public class ArgoCdAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(InstancesConfigured.class)
  ArgoCdDeploymentTarget argoCdDeploymentTarget(ArgoCdProperties properties,
      @Value("${paved.plugins.argocd.resync:10m}") Duration resync,
      @Value("${paved.plugins.argocd.reconnect-backoff:1s}") Duration backoff, ObjectProvider<MeterRegistry> meters) {
    return new ArgoCdDeploymentTarget(properties, Clock.systemUTC(), resync, backoff,
        meters.getIfAvailable(CompositeMeterRegistry::new));
  }

  @Bean
  @ConditionalOnMissingBean
  CreateApplicationAction argoCdCreateApplicationAction(ArgoCdProperties properties,
      ObjectProvider<ArgoCdDeploymentTarget> target) {
    return new CreateApplicationAction(properties, Optional.ofNullable(target.getIfAvailable()));
  }

  /** True when any {@code paved.plugins.argocd.instances.<name>} is set. */
  static final class InstancesConfigured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean any = Binder.get(context.getEnvironment())
          .bind("paved.plugins.argocd.instances", Bindable.mapOf(String.class, Object.class))
          .map(instances -> !instances.isEmpty()).orElse(false);
      return any ? ConditionOutcome.match("Argo CD instances are configured")
          : ConditionOutcome.noMatch("no paved.plugins.argocd.instances");
    }
  }
}
