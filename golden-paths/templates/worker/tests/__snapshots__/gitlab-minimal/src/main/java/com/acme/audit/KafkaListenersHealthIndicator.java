package com.acme.audit;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Down when a listener that should consume has stopped (a fatal consumer error). It is part of the
 * readiness group, so a new version that cannot consume never becomes ready and a rollout stops
 * before it replaces the pods that work. A broker that is merely unreachable does not stop a
 * listener; consumer lag shows that.
 */
@Component("kafkaListeners")
class KafkaListenersHealthIndicator implements HealthIndicator {
  private final KafkaListenerEndpointRegistry registry;

  KafkaListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    List<String> stopped = registry.getListenerContainers().stream()
        .filter(c -> c.isAutoStartup() && !c.isRunning())
        .map(MessageListenerContainer::getListenerId)
        .toList();
    return stopped.isEmpty() ? Health.up().build() : Health.down().withDetail("stopped", stopped).build();
  }
}
