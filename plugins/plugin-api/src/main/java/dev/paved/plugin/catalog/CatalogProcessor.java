package dev.paved.plugin.catalog;

/**
 * A step of catalog processing, applied to every entity a location emits.
 *
 * <p>For each entity the catalog calls, across all processors in {@link #order()}: {@link #preProcess}
 * (rewrite or enrich), then {@link #validate} (report problems; an entity with problems is not stored,
 * and its last good version is kept), then {@link #postProcess} (emit relations). The built-in
 * Backstage kinds are handled by a processor too, so a plugin sees the same hooks the core uses.
 *
 * <p>Implementations must be thread-safe. Ids are kebab-case ({@code backstage-kinds}); a plugin's
 * configuration lives under {@code paved.plugins.<id>}.
 */
public interface CatalogProcessor {

  /** A stable kebab-case id, shown in errors this processor reports. */
  String id();

  /** Lower runs first. Built-in processors use 0 to 100. */
  default int order() {
    return 500;
  }

  /**
   * Rewrites the entity before validation, for example to add annotations or default values.
   *
   * @return the entity to continue with (the argument when nothing changes)
   */
  default Entity preProcess(Entity entity, EntitySource source) {
    return entity;
  }

  /** Reports every problem found, each as a sentence a user can act on. */
  default void validate(Entity entity, ValidationReport report) {}

  /** Emits relations that this entity declares, in both directions. */
  default void postProcess(Entity entity, RelationSink relations) {}
}
