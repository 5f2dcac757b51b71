package dev.paved.plugin.catalog;

import java.util.Objects;

/**
 * A directed relation between two entities, such as {@code ownedBy}. Processors emit both directions
 * of a pair (ownedBy and ownerOf), each attributed to the entity that declared it.
 */
public record Relation(EntityRef source, String type, EntityRef target) {
  public Relation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
  }
}
