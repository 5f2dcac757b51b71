package dev.paved.portal.catalog.ui;

import java.util.Map;

/** How kinds read in the UI: the catalog stores them lower-case, people write them as Backstage does. */
final class Kinds {
  private static final Map<String, String> LABELS = Map.of("api", "API", "component", "Component", "resource", "Resource",
      "system", "System", "domain", "Domain", "group", "Group", "user", "User", "location", "Location",
      "template", "Template");

  private Kinds() {}

  static String label(String kind) {
    if (kind == null || kind.isEmpty()) {
      return "";
    }
    return LABELS.getOrDefault(kind, Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
  }
}
