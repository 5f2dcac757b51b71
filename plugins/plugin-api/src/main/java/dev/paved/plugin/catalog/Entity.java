package dev.paved.plugin.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entity as a JSON-like tree ({@code apiVersion}, {@code kind}, {@code metadata}, {@code
 * spec}, ...), made of maps, lists, strings, numbers, booleans and nulls.
 *
 * <p>Instances are read-only views; {@link #toMutableTree()} gives a deep copy to edit and {@link
 * #of(Map)} wraps the result. Accessors never throw on missing or ill-typed fields: they return {@code
 * null} or an empty collection, because validation reports such problems separately.
 */
public final class Entity {
  private final Map<String, Object> tree;

  private Entity(Map<String, Object> tree) {
    this.tree = tree;
  }

  /** Wraps a tree (deep-copied, so later changes to the argument do not leak in). */
  public static Entity of(Map<String, ?> tree) {
    Objects.requireNonNull(tree, "tree");
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) deepCopy(tree, true);
    return new Entity(copy);
  }

  /** The whole tree, read-only. */
  public Map<String, Object> tree() {
    return tree;
  }

  /** A deep, mutable copy of the tree. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toMutableTree() {
    return (Map<String, Object>) deepCopy(tree, false);
  }

  public String apiVersion() {
    return string(tree.get("apiVersion"));
  }

  public String kind() {
    return string(tree.get("kind"));
  }

  public Map<String, Object> metadata() {
    return map(tree.get("metadata"));
  }

  public Map<String, Object> spec() {
    return map(tree.get("spec"));
  }

  public String name() {
    return string(metadata().get("name"));
  }

  /** The namespace, {@code default} when the descriptor leaves it out. */
  public String namespace() {
    String ns = string(metadata().get("namespace"));
    return ns == null ? EntityRef.DEFAULT_NAMESPACE : ns;
  }

  public String title() {
    return string(metadata().get("title"));
  }

  public String description() {
    return string(metadata().get("description"));
  }

  /** Tags that are strings; others are left to validation. */
  public List<String> tags() {
    return strings(metadata().get("tags"));
  }

  public Map<String, Object> annotations() {
    return map(metadata().get("annotations"));
  }

  public Map<String, Object> labels() {
    return map(metadata().get("labels"));
  }

  /** A string spec field, or {@code null}. */
  public String specString(String field) {
    return string(spec().get(field));
  }

  /** A spec field that is a list of strings, or a single string read as a one-element list. */
  public List<String> specStrings(String field) {
    Object value = spec().get(field);
    if (value instanceof String s) {
      return List.of(s);
    }
    return strings(value);
  }

  /** This entity's reference, or {@code null} while kind or name are missing. */
  public EntityRef ref() {
    if (kind() == null || name() == null) {
      return null;
    }
    return new EntityRef(kind(), namespace(), name());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entity other && tree.equals(other.tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    EntityRef ref = ref();
    return "Entity[" + (ref == null ? "?" : ref) + "]";
  }

  private static String string(Object o) {
    return o instanceof String s ? s : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> strings(Object o) {
    if (!(o instanceof List<?> list)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object item : list) {
      if (item instanceof String s) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Object deepCopy(Object value, boolean readOnly) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        copy.put(String.valueOf(e.getKey()), deepCopy(e.getValue(), readOnly));
      }
      return readOnly ? Collections.unmodifiableMap(copy) : copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object item : l) {
        copy.add(deepCopy(item, readOnly));
      }
      return readOnly ? Collections.unmodifiableList(copy) : copy;
    }
    return value;
  }
}
