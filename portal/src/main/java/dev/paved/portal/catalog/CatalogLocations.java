package dev.paved.portal.catalog;

import java.util.List;
import java.util.Optional;

/** Registers, refreshes and removes the locations the catalog reads. */
public interface CatalogLocations {

  List<LocationView> list();

  Optional<LocationView> get(String id);

  /**
   * Reads a location without storing anything: the entities it would add and the problems found.
   *
   * @throws CatalogException if the target is malformed or its source cannot be read
   */
  Preview preview(String type, String target);

  /**
   * Registers a location and reads it at once, so its entities are in the catalog when this returns.
   * Nothing is stored when the source cannot be read.
   *
   * @throws CatalogException if the target is malformed, already registered or unreadable
   */
  RefreshOutcome register(String type, String target);

  /** Reads a location again now. */
  RefreshOutcome refresh(String id);

  /**
   * Removes a location and every entity it provided. Locations from configuration cannot be removed
   * here; remove them from the configuration instead.
   */
  void delete(String id);

  /** The entities a location would add, and the problems found reading it. */
  record Preview(List<PreviewEntity> entities, List<LocationProblem> problems) {}

  /**
   * @param status {@code new}, {@code updated} (already in the catalog from this location), {@code
   *     conflict} (another location defines it) or {@code invalid}
   */
  record PreviewEntity(String ref, String kind, String title, String status) {}

  /** What a refresh did, with the location as it stands afterwards. */
  record RefreshOutcome(LocationView location, String outcome, int written, int removed) {}
}
