package dev.paved.portal.catalog;

import java.util.List;

/** A row of the catalog list. References are lower-case {@code kind:namespace/name}. */
public record EntitySummary(
    String ref,
    String kind,
    String namespace,
    String name,
    String title,
    String description,
    String type,
    String lifecycle,
    String owner,
    String system,
    List<String> tags,
    boolean hasErrors) {

  /** The title when there is one, else the name. */
  public String displayName() {
    return title == null || title.isBlank() ? name : title;
  }
}
