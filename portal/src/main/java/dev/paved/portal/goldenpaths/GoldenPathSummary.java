package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;

/**
 * A golden path as the Templates page and the API list it.
 *
 * @param source where it was loaded from: a folder, or the catalog entity's repository and revision
 * @param entityRef the catalog {@code Template} entity it comes from, or {@code null} for one loaded from
 *     the portal's golden-path folders
 * @param parameters its form, as pages of JSON Schema objects
 */
public record GoldenPathSummary(String name, String title, String description, List<String> tags, String owner,
    String type, String version, String source, String entityRef, List<Map<String, Object>> parameters) {

  /** Whether every word of a search appears in its name, title, description, tags or owner. */
  public boolean matches(String search) {
    if (search == null || search.isBlank()) {
      return true;
    }
    String haystack = String.join(" ", name, String.valueOf(title), String.valueOf(description),
        String.join(" ", tags), String.valueOf(owner), String.valueOf(type)).toLowerCase(java.util.Locale.ROOT);
    for (String word : search.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
