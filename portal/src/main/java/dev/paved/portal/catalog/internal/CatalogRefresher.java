package dev.paved.portal.catalog.internal;

import dev.paved.portal.catalog.CatalogProperties;
import dev.paved.portal.catalog.internal.LocationStore.StoredLocation;
import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.Replicas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog current: the configured locations are registered at start-up (configured ones no longer
 * in the configuration are dropped), and the cluster job {@code catalog-refresh} checks every location for
 * changes, once per interval on one replica. Unchanged sources cost one fetch and a comparison.
 */
@Component
class CatalogRefresher {
  static final String JOB = "catalog-refresh";
  private static final Logger log = LoggerFactory.getLogger(CatalogRefresher.class);
  private final CatalogProperties properties;
  private final LocationStore locations;
  private final CatalogLocationService service;
  private final ClusterJobs jobs;
  private final CatalogChangeNotifier changes;
  private final MeterRegistry meters;
  private final Replicas replicas;

  CatalogRefresher(CatalogProperties properties, LocationStore locations, CatalogLocationService service,
      ClusterJobs jobs, Replicas replicas, CatalogChangeNotifier changes, MeterRegistry meters) {
    this.replicas = replicas;
    this.changes = changes;
    this.properties = properties;
    this.locations = locations;
    this.service = service;
    this.jobs = jobs;
    this.meters = meters;
  }

  /**
   * Every replica registers the locations its configuration lists as it starts (during a rolling update the
   * new configuration wins) and reads the ones that are new at once. The first replica of a cluster to start
   * reads the whole catalog; later ones leave that to the job.
   */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    registerConfigured();
    jobs.schedule(JOB, properties.refreshInterval(), this::refresh);
    if (replicas.alive().size() == 1) {
      jobs.makeDue(JOB);
    }
    jobs.runIfDue(JOB);
  }

  /** Reads every location: the job. */
  void refresh() {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "succeeded";
    try {
      if (!refreshAll()) {
        outcome = "some-failed";
      }
    } catch (RuntimeException e) {
      outcome = "failed";
      throw e;
    } finally {
      sample.stop(Timer.builder("paved.catalog.refresh.duration")
          .description("Reading every catalog location (the catalog-refresh job)")
          .tag("outcome", outcome).register(meters));
    }
  }

  private void registerConfigured() {
    Set<String> configured = new HashSet<>();
    for (CatalogProperties.ConfiguredLocation c : properties.locations()) {
      // one bad configured location must not stop the others: it shows as failed instead
      try {
        String target = service.normalise(c.type(), c.target());
        configured.add(c.type() + ":" + target);
        boolean isNew = locations.find(c.type(), target).isEmpty();
        StoredLocation stored = locations.create(c.type(), target, "config");
        if (isNew) {
          service.refresh(stored);
        }
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
  }

  /** Reads every location; false when any of them failed (it shows as failed on the Locations page). */
  boolean refreshAll() {
    boolean allRead = true;
    for (StoredLocation stored : locations.all()) {
      try {
        service.refresh(stored);
      } catch (RuntimeException e) {
        allRead = false;
        log.error("Refreshing location {} failed", stored.target(), e);
      }
    }
    return allRead;
  }
}
