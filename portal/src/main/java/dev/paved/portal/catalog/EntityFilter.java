package dev.paved.portal.catalog;

import java.util.List;
import java.util.Locale;

/**
 * What the catalog list shows: every field is optional; a list means "any of these".
 *
 * @param kinds entity kinds, case-insensitive
 * @param types spec.type values, case-insensitive
 * @param owners owner references; a bare name means a group
 * @param lifecycles spec.lifecycle values, case-insensitive
 * @param systems system references; a bare name means a system
 * @param tags tags, all of which must be present
 * @param text words that must each appear in the name, title, description or tags
 */
public record EntityFilter(
    List<String> kinds,
    List<String> types,
    List<String> owners,
    List<String> lifecycles,
    List<String> systems,
    List<String> tags,
    String text) {

  public static final EntityFilter ALL = new EntityFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);

  public EntityFilter {
    kinds = clean(kinds, true);
    types = clean(types, true);
    owners = clean(owners, true);
    lifecycles = clean(lifecycles, true);
    systems = clean(systems, true);
    tags = clean(tags, true);
    text = text == null || text.isBlank() ? null : text.trim();
  }

  public EntityFilter withKinds(List<String> k) {
    return new EntityFilter(k, types, owners, lifecycles, systems, tags, text);
  }

  public EntityFilter withText(String t) {
    return new EntityFilter(kinds, types, owners, lifecycles, systems, tags, t);
  }

  private static List<String> clean(List<String> values, boolean lowerCase) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::trim)
        .map(v -> lowerCase ? v.toLowerCase(Locale.ROOT) : v)
        .distinct()
        .toList();
  }
}
