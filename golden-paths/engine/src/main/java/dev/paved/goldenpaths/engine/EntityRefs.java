package dev.paved.goldenpaths.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code parseEntityRef} filter: {@code group:default/team-a} as {@code {kind, namespace, name}}. */
final class EntityRefs {
  private static final Pattern PART = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");

  private EntityRefs() {}

  static Map<String, Object> parse(String ref, String defaultKind) {
    String rest = ref.trim();
    String kind = defaultKind;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    String namespace = "default";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if (kind == null || !PART.matcher(kind).matches() || !PART.matcher(namespace).matches() || !PART.matcher(rest).matches()) {
      throw new IllegalArgumentException("'" + ref + "' is not an entity reference like group:default/team-a");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.toLowerCase(Locale.ROOT));
    out.put("namespace", namespace.toLowerCase(Locale.ROOT));
    out.put("name", rest.toLowerCase(Locale.ROOT));
    return out;
  }
}
