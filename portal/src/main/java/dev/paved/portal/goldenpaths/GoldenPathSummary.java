package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;

/**
 * A golden path as the Templates page and the API list it.
 *
 * @param source where it was loaded from
 * @param parameters its form, as pages of JSON Schema objects
 */
public record GoldenPathSummary(String name, String title, String description, List<String> tags, String owner,
    String type, String version, String source, List<Map<String, Object>> parameters) {}
