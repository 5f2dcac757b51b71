package dev.paved.portal.catalog.internal;

import dev.paved.portal.catalog.CatalogChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code paved.catalog.entities}: the catalog's size by kind, counted again whenever the catalog changes (on
 * any replica), so the gauge never costs a query per scrape.
 */
@Component
class CatalogMetrics {
  private final JdbcTemplate jdbc;
  private final MultiGauge entities;

  CatalogMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.entities = MultiGauge.builder("paved.catalog.entities").description("Entities in the catalog, by kind")
        .register(meters);
  }

  @EventListener({ApplicationReadyEvent.class, CatalogChanged.class})
  void count() {
    entities.register(jdbc.query("select kind, count(*) from catalog_entity group by kind order by kind",
        (rs, n) -> MultiGauge.Row.of(Tags.of("kind", rs.getString(1)), rs.getLong(2))), true);
  }
}
