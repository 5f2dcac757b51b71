package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.SourceFile;
import dev.paved.plugin.catalog.SourceSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves Backstage's placeholders, {@code {$text: ./openapi.yaml}}, {@code $json} and {@code $yaml},
 * by reading the file relative to the descriptor that names it, inside the same source.
 */
final class Substitutions {
  /**
   * How many characters placeholders may bring into one entity: generous for the largest API
   * definitions, small enough that repeating a big file a hundred times cannot exhaust memory.
   */
  static final int MAX_PER_ENTITY = 8 * 1024 * 1024;
  private final SourceSnapshot snapshot;
  private final JsonMapper json;
  private final List<String> readFiles;
  /** Recently read files, so an entity repeating a placeholder reads its file once; bounded in size. */
  private final Map<String, SourceFile> cache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SourceFile> eldest) {
      return size() > 32;
    }
  };
  private long remaining;

  /**
   * @param readFiles collects every file read, so a change to a definition file counts as a change of
   *     the location
   */
  Substitutions(SourceSnapshot snapshot, JsonMapper json, List<String> readFiles) {
    this.snapshot = snapshot;
    this.json = json;
    this.readFiles = readFiles;
  }

  /** Whether a tree has any placeholder, checked before copying it. */
  static boolean hasPlaceholders(Object value) {
    if (value instanceof Map<?, ?> m) {
      if (isPlaceholder(m)) {
        return true;
      }
      for (Object v : m.values()) {
        if (hasPlaceholders(v)) {
          return true;
        }
      }
    } else if (value instanceof List<?> l) {
      for (Object v : l) {
        if (hasPlaceholders(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns a copy of an entity's tree with every placeholder replaced, reporting each one that cannot
   * be resolved to {@code problems} (and leaving it in place).
   */
  Object resolveEntity(Map<String, Object> tree, String fromFile, List<String> problems) {
    remaining = MAX_PER_ENTITY;
    return resolve(tree, fromFile, "", problems);
  }

  private Object resolve(Object value, String fromFile, String path, List<String> problems) {
    if (value instanceof Map<?, ?> m) {
      if (isPlaceholder(m)) {
        return substitute(m, fromFile, path, problems);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        out.put(key, resolve(e.getValue(), fromFile, path.isEmpty() ? key : path + "." + key, problems));
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(resolve(l.get(i), fromFile, path + "[" + i + "]", problems));
      }
      return out;
    }
    return value;
  }

  private static boolean isPlaceholder(Map<?, ?> m) {
    if (m.size() != 1) {
      return false;
    }
    Object key = m.keySet().iterator().next();
    return "$text".equals(key) || "$json".equals(key) || "$yaml".equals(key);
  }

  private Object substitute(Map<?, ?> m, String fromFile, String path, List<String> problems) {
    Map.Entry<?, ?> e = m.entrySet().iterator().next();
    String kind = String.valueOf(e.getKey());
    if (!(e.getValue() instanceof String target)) {
      problems.add(path + ": " + kind + " needs a file path");
      return m;
    }
    try {
      String resolved = SourcePaths.resolve(fromFile, target);
      SourceFile file = cache.get(resolved);
      if (file == null) {
        file = snapshot.read(resolved);
        cache.put(resolved, file);
        if (!readFiles.contains(resolved)) {
          readFiles.add(resolved);
        }
      }
      remaining -= file.content().length;
      if (remaining < 0) {
        problems.add(path + ": " + kind + " " + target + ": placeholders would bring more than "
            + MAX_PER_ENTITY / (1024 * 1024) + " MB into this entity; link large documents instead of embedding them");
        return m;
      }
      String text = new String(file.content(), StandardCharsets.UTF_8);
      return switch (kind) {
        case "$text" -> text;
        case "$json" -> json.readValue(text, Object.class);
        default -> DescriptorParser.parseSingle(file.content(), resolved);
      };
    } catch (LocationException ex) {
      problems.add(path + ": " + kind + " " + target + ": " + ex.getMessage());
    } catch (JacksonException ex) {
      problems.add(path + ": " + kind + " " + target + " is not valid JSON: " + ex.getOriginalMessage());
    } catch (IllegalArgumentException ex) {
      problems.add(path + ": " + kind + " " + target + ": " + ex.getMessage());
    }
    return m;
  }
}
