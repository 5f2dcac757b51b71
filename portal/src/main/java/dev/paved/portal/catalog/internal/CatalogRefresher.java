package dev.paved.portal.catalog.internal;

import dev.paved.portal.catalog.CatalogProperties;
import dev.paved.portal.catalog.internal.LocationStore.StoredLocation;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog current: at start-up it registers the configured locations (and drops configured
 * ones no longer in the configuration) and reads them; then it checks every location on a schedule.
 * Unchanged sources cost one fetch and a comparison.
 */
@Component
class CatalogRefresher {
  private static final Logger log = LoggerFactory.getLogger(CatalogRefresher.class);
  private final CatalogProperties properties;
  private final LocationStore locations;
  private final CatalogLocationService service;
  private final TaskScheduler scheduler;
  private final CatalogChangeNotifier changes;

  CatalogRefresher(CatalogProperties properties, LocationStore locations, CatalogLocationService service,
      TaskScheduler scheduler, CatalogChangeNotifier changes) {
    this.changes = changes;
    this.properties = properties;
    this.locations = locations;
    this.service = service;
    this.scheduler = scheduler;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Set<String> configured = new HashSet<>();
    for (CatalogProperties.ConfiguredLocation c : properties.locations()) {
      // one bad configured location must not keep the portal from starting: it shows as failed instead
      try {
        String target = service.normalise(c.type(), c.target());
        configured.add(c.type() + ":" + target);
        service.refresh(locations.create(c.type(), target, "config"));
      } catch (RuntimeException e) {
        log.error("Configured location {}:{} cannot be used: {}", c.type(), c.target(), e.getMessage());
      }
    }
    for (StoredLocation stored : locations.all()) {
      if ("config".equals(stored.origin()) && !configured.contains(stored.type() + ":" + stored.target())) {
        log.info("Location {} is no longer configured; removing it and its entities", stored.target());
        locations.delete(stored.id());
        changes.changed();
      }
    }
    scheduler.scheduleWithFixedDelay(this::refreshAll, Instant.now().plus(properties.refreshInterval()),
        properties.refreshInterval());
  }

  void refreshAll() {
    for (StoredLocation stored : locations.all()) {
      try {
        service.refresh(stored);
      } catch (RuntimeException e) {
        log.error("Refreshing location {} failed", stored.target(), e);
      }
    }
  }
}
