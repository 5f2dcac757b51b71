package dev.paved.portal.catalog;

import dev.paved.plugin.catalog.EntityRef;
import java.util.List;
import java.util.Optional;

/** Reads the processed catalog. */
public interface CatalogQueries {

  /** Entities matching the filter, ordered by name, one page at a time. */
  Page<EntitySummary> find(EntityFilter filter, int offset, int limit);

  /** How many entities match the filter. */
  long count(EntityFilter filter);

  /**
   * The same page as JSON documents in Backstage's shape (the entity with its {@code relations}), for
   * the REST API: rendered by the database and passed on as UTF-8 bytes, never decoded, to keep large
   * pages cheap.
   */
  Page<byte[]> findJson(EntityFilter filter, int offset, int limit);

  /** One entity as UTF-8 JSON in Backstage's shape, with its relations. */
  Optional<byte[]> getJson(EntityRef ref);

  /** Everything the entity page shows. */
  Optional<EntityDetails> get(EntityRef ref);

  /** The references of the entities a location provides, in the order its files define them. */
  List<String> refsOfLocation(String locationId);

  /** The values present in the catalog for each filter, for pickers. */
  Facets facets();

  /** Values present in the catalog, per filter. */
  record Facets(List<String> kinds, List<String> types, List<String> owners, List<String> lifecycles,
      List<String> systems, List<String> tags) {}
}
