package dev.paved.goldenpaths.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a {@code template.yaml}. Backstage's v1beta3 templates load as they are; v1beta2 is refused
 * with what to do, and every problem is reported with its field.
 */
public final class GoldenPathParser {
  static final String V1BETA3 = "scaffolder.backstage.io/v1beta3";
  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern ACTION = Pattern.compile("^[a-z0-9-]+(:[a-z0-9-]+)+$");
  private static final int MAX_SIZE = 1024 * 1024;

  private GoldenPathParser() {}

  /** The template cannot be used; each problem names its field. */
  public static class InvalidTemplateException extends RuntimeException {
    private final List<String> problems;

    public InvalidTemplateException(String source, List<String> problems) {
      super(source + ": " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** Parses the text of a {@code template.yaml}; {@code source} names it in messages. */
  public static GoldenPath parse(byte[] content, String source) {
    if (content.length > MAX_SIZE) {
      throw new InvalidTemplateException(source, List.of("the file is larger than 1 MB"));
    }
    Object doc;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(20).setCodePointLimit(MAX_SIZE).build();
      doc = new Load(settings).loadFromString(new String(content, StandardCharsets.UTF_8));
    } catch (YamlEngineException e) {
      throw new InvalidTemplateException(source, List.of("invalid YAML: " + e.getMessage().lines().findFirst().orElse("")));
    }
    if (!(doc instanceof Map<?, ?> root)) {
      throw new InvalidTemplateException(source, List.of("the file must be a mapping with apiVersion, kind, metadata and spec"));
    }
    List<String> problems = new ArrayList<>();
    Object apiVersion = root.get("apiVersion");
    if ("scaffolder.backstage.io/v1beta2".equals(apiVersion)) {
      throw new InvalidTemplateException(source, List.of("apiVersion scaffolder.backstage.io/v1beta2 is not supported: "
          + "its {{ }} syntax and step format changed in v1beta3; migrate the template to " + V1BETA3
          + " (parameters stay, expressions become ${{ parameters.x }})"));
    }
    if (!V1BETA3.equals(apiVersion)) {
      problems.add("apiVersion must be " + V1BETA3 + ", not " + apiVersion);
    }
    if (!"Template".equals(root.get("kind"))) {
      problems.add("kind must be Template, not " + root.get("kind"));
    }
    Map<String, Object> metadata = map(root.get("metadata"));
    Map<String, Object> spec = map(root.get("spec"));
    String name = string(metadata.get("name"));
    if (name == null || name.length() > 63 || !NAME.matcher(name).matches()) {
      problems.add("metadata.name is required: 1 to 63 letters, digits, '-', '_' or '.'");
    }
    String type = string(spec.get("type"));
    if (type == null || type.isBlank()) {
      problems.add("spec.type is required, e.g. service");
    }
    List<Map<String, Object>> pages = pages(spec.get("parameters"), problems);
    List<GoldenPath.Step> steps = steps(spec.get("steps"), problems);
    if (!problems.isEmpty()) {
      throw new InvalidTemplateException(source, problems);
    }
    Map<String, Object> annotations = map(metadata.get("annotations"));
    String version = string(annotations.get(GoldenPath.VERSION_ANNOTATION));
    return new GoldenPath(name, string(metadata.get("title")), string(metadata.get("description")),
        strings(metadata.get("tags")), string(spec.get("owner")), type, version == null ? "unversioned" : version,
        pages, steps, map(spec.get("output")));
  }

  private static List<Map<String, Object>> pages(Object parameters, List<String> problems) {
    if (parameters == null) {
      return List.of();
    }
    List<?> raw = parameters instanceof List<?> l ? l : List.of(parameters);
    List<Map<String, Object>> pages = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (!(raw.get(i) instanceof Map<?, ?> page)) {
        problems.add("spec.parameters[" + i + "] must be a JSON Schema object");
        continue;
      }
      pages.add(stringKeys(page));
    }
    return pages;
  }

  private static List<GoldenPath.Step> steps(Object value, List<String> problems) {
    if (!(value instanceof List<?> raw)) {
      problems.add("spec.steps is required and must be a list");
      return List.of();
    }
    List<GoldenPath.Step> steps = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String at = "spec.steps[" + i + "]";
      if (!(raw.get(i) instanceof Map<?, ?> step)) {
        problems.add(at + " must be a mapping with id, name, action and input");
        continue;
      }
      String id = string(step.get("id"));
      String action = string(step.get("action"));
      if (id == null || !NAME.matcher(id).matches()) {
        problems.add(at + ".id is required: letters, digits, '-', '_' or '.'");
      } else if (!ids.add(id)) {
        problems.add(at + ".id '" + id + "' is used by an earlier step; ids must be unique");
      }
      if (action == null || !ACTION.matcher(action).matches()) {
        problems.add(at + ".action is required and looks like fetch:template");
      }
      Object input = step.get("input");
      if (input != null && !(input instanceof Map)) {
        problems.add(at + ".input must be a mapping");
      }
      Object condition = step.get("if");
      if (condition != null && !(condition instanceof String) && !(condition instanceof Boolean)) {
        problems.add(at + ".if must be an expression or true/false");
      }
      steps.add(new GoldenPath.Step(id, string(step.get("name")), action, map(input), condition));
    }
    return steps;
  }

  private static String string(Object o) {
    return o instanceof String s ? s : null;
  }

  private static List<String> strings(Object o) {
    return o instanceof List<?> l ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
  }

  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> inner ? stringKeys(inner) : v));
    return out;
  }
}
