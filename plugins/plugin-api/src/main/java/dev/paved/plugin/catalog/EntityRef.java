package dev.paved.plugin.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to a catalog entity, {@code kind:namespace/name}, compared case-insensitively as
 * Backstage does.
 *
 * <p>The string form {@link #toString()} is lower-case and fully qualified, so it can serve as a key.
 */
public record EntityRef(String kind, String namespace, String name) {

  public static final String DEFAULT_NAMESPACE = "default";

  public EntityRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    kind = kind.toLowerCase(Locale.ROOT);
    namespace = namespace.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code [kind:][namespace/]name}.
   *
   * @param ref the reference as written in a descriptor
   * @param defaultKind the kind to use when the reference has none, or {@code null} if the reference
   *     must name its kind
   * @param defaultNamespace the namespace to use when the reference has none
   * @throws IllegalArgumentException with a message fit for a user when the reference is malformed
   */
  public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("entity reference is empty");
    }
    String rest = ref.trim();
    String kind = defaultKind;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      kind = rest.substring(0, colon);
      rest = rest.substring(colon + 1);
    }
    String namespace = defaultNamespace == null ? DEFAULT_NAMESPACE : defaultNamespace;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      namespace = rest.substring(0, slash);
      rest = rest.substring(slash + 1);
    }
    if (kind == null || kind.isEmpty()) {
      throw new IllegalArgumentException("entity reference '" + ref + "' does not say its kind (write kind:name)");
    }
    if (namespace.isEmpty() || rest.isEmpty() || rest.indexOf(':') >= 0 || rest.indexOf('/') >= 0) {
      throw new IllegalArgumentException(
          "entity reference '" + ref + "' is malformed: expected [kind:][namespace/]name");
    }
    return new EntityRef(kind, namespace, rest);
  }

  /** Parses a fully qualified reference such as {@code component:default/payments}. */
  public static EntityRef parse(String ref) {
    return parse(ref, null, DEFAULT_NAMESPACE);
  }

  @Override
  public String toString() {
    return kind + ":" + namespace + "/" + name;
  }
}
