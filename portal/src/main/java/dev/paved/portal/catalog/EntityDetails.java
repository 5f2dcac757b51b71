package dev.paved.portal.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the entity page shows.
 *
 * @param body the entity as processed (the last good version)
 * @param relations relations from this entity, in both directions, with whether the target exists
 * @param problems problems of this entity: its own validation errors, errors of its file, and the
 *     location's error when its source could not be read
 * @param source where it came from
 */
public record EntityDetails(
    EntitySummary summary,
    Map<String, Object> body,
    List<RelationView> relations,
    List<String> problems,
    Source source,
    Instant updatedAt) {

  /**
   * A relation as shown: the target's reference, title and whether it is in the catalog.
   */
  public record RelationView(String type, String targetRef, String targetTitle, boolean targetExists) {}

  /** The location an entity belongs to and the file it came from. */
  public record Source(String locationId, String locationType, String locationTarget, String path, String url) {}
}
