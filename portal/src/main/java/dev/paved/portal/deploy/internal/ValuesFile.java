package dev.paved.portal.deploy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A Helm values file edited the way a person would: one line changed (or added), comments and layout kept,
 * so the GitOps commit of a scale shows exactly what changed. Only plain block mappings are edited; the
 * result is parsed again and must hold the new value, so a file written in a form this does not handle is
 * refused rather than corrupted.
 */
public final class ValuesFile {
  private final List<String> lines;

  public ValuesFile(String text) {
    this.lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.getLast().isEmpty()) {
      lines.removeLast();
    }
  }

  /** The parsed values (an empty map for an empty file). */
  public Map<String, Object> values() {
    return parse(text());
  }

  /** The value at a dotted path of at most two keys, such as {@code autoscaling.enabled}, or null. */
  public Object get(String path) {
    Object node = values();
    for (String key : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(key);
    }
    return node;
  }

  /**
   * Sets a scalar at {@code key} or {@code parent.key}.
   *
   * @throws IllegalStateException when the file's layout does not allow a safe one-line edit
   */
  public ValuesFile set(String path, Object value) {
    if (!(value instanceof Number || value instanceof Boolean)) {
      throw new IllegalArgumentException("only numbers and booleans are written, not " + value);
    }
    String[] keys = path.split("\\.");
    if (keys.length == 1) {
      setIn(-1, "", keys[0], value);
    } else if (keys.length == 2) {
      int parent = find(-1, "", keys[0]);
      if (parent < 0) {
        lines.add(keys[0] + ":");
        parent = lines.size() - 1;
      } else if (!lines.get(parent).replaceFirst("\\s+#.*$", "").trim().endsWith(":")) {
        throw new IllegalStateException(keys[0] + " is not a block mapping in the values file");
      }
      setIn(parent, childIndent(parent), keys[1], value);
    } else {
      throw new IllegalArgumentException("only keys one or two levels deep are edited, not " + path);
    }
    Object written = get(path);
    if (written == null || !String.valueOf(written).equals(String.valueOf(value))) {
      throw new IllegalStateException("the values file's layout did not allow setting " + path + " safely");
    }
    return this;
  }

  public String text() {
    return String.join("\n", lines) + "\n";
  }

  private void setIn(int parent, String indent, String key, Object value) {
    int at = find(parent, indent, key);
    String rendered = indent + key + ": " + value;
    if (at >= 0) {
      Matcher comment = Pattern.compile("(\\s+#.*)$").matcher(lines.get(at));
      lines.set(at, rendered + (comment.find() ? comment.group(1) : ""));
    } else {
      lines.add(parent + 1 + blockLength(parent), rendered);
    }
  }

  /** The line of {@code key:} directly under the parent line (or at the top for -1), or -1. */
  private int find(int parent, String indent, String key) {
    Pattern line = Pattern.compile("^" + Pattern.quote(indent) + Pattern.quote(key) + ":(\\s.*)?$");
    int end = parent < 0 ? lines.size() : parent + 1 + blockLength(parent);
    for (int i = parent + 1; i < end; i++) {
      if (line.matcher(lines.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  /** How many lines after the parent belong to its block (more indented, or blank or comment lines within). */
  private int blockLength(int parent) {
    if (parent < 0) {
      return lines.size();
    }
    int n = 0;
    int lastContent = 0;
    for (int i = parent + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.trim().startsWith("#")) {
        n++;
        continue;
      }
      if (!Character.isWhitespace(l.charAt(0))) {
        break;
      }
      n++;
      lastContent = n;
    }
    return lastContent;
  }

  private String childIndent(int parent) {
    for (int i = parent + 1; i < parent + 1 + blockLength(parent); i++) {
      String l = lines.get(i);
      if (!l.isBlank() && !l.trim().startsWith("#")) {
        return l.substring(0, l.length() - l.stripLeading().length());
      }
    }
    return "  ";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    Object parsed;
    try {
      parsed = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the values file is not valid YAML: " + e.getMessage(), e);
    }
    if (parsed == null) {
      return Map.of();
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw new IllegalStateException("the values file is not a mapping");
    }
    return (Map<String, Object>) parsed;
  }
}
