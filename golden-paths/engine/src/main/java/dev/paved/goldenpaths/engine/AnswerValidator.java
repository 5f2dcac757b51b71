package dev.paved.goldenpaths.engine;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates a developer's answers on the server against the same JSON Schema pages the form was built
 * from, plus the limits every answer has whatever the template says: no control or bidi characters,
 * and no value larger than {@value #MAX_VALUE_LENGTH} characters.
 */
public final class AnswerValidator {
  /** The longest answer accepted: a description is long, a megabyte is an attack. */
  public static final int MAX_VALUE_LENGTH = 10_000;

  private final List<Schema> pages = new ArrayList<>();

  /**
   * Compiles a template's parameter pages.
   *
   * @throws GoldenPathParser.InvalidTemplateException when a page refers to another document ({@code
   *     $ref} to a URL or file): a template's schema must be self-contained
   */
  public AnswerValidator(GoldenPath template) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < template.parameters().size(); i++) {
      Map<String, Object> page = template.parameters().get(i);
      findExternalRefs(page, "spec.parameters[" + i + "]", problems);
      if (problems.isEmpty()) {
        pages.add(JsonSchemas.compile(page));
      }
    }
    if (!problems.isEmpty()) {
      throw new GoldenPathParser.InvalidTemplateException(template.name(), problems);
    }
  }

  /**
   * Every problem with the answers, by field ({@code name}, {@code repo.owner}); empty when valid.
   */
  public Map<String, List<String>> validate(Map<String, ?> answers) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    checkText(answers, "", problems);
    JsonNode node = JsonSchemas.JSON.valueToTree(answers);
    for (Schema page : pages) {
      for (Error error : page.validate(node)) {
        String field = field(error);
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message(error));
      }
    }
    return problems;
  }

  private static String field(Error error) {
    String location = dotted(error.getInstanceLocation());
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      return location.isEmpty() ? error.getProperty() : location + "." + error.getProperty();
    }
    return location.isEmpty() ? "(form)" : location;
  }

  /** {@code /repo/tags/0} as the form names it: {@code repo.tags[0]}. */
  private static String dotted(com.networknt.schema.path.NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Number n) {
        sb.append('[').append(n).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(element);
      }
    }
    return sb.toString();
  }

  private static String message(Error error) {
    if ("required".equals(error.getKeyword())) {
      return "is required";
    }
    // the validator prefixes the location; the field is already the key
    return error.getMessage().replaceFirst("^\\$[^:]*: ", "");
  }

  private static void checkText(Object value, String path, Map<String, List<String>> problems) {
    if (value instanceof String s) {
      if (s.length() > MAX_VALUE_LENGTH) {
        add(problems, path, "is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Escapers.isBidiControl(c)) {
          add(problems, path, "contains a bidirectional control character (U+" + String.format("%04X", (int) c)
              + "), which can make text read differently from what it is");
          break;
        }
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
          add(problems, path, "contains a control character (U+" + String.format("%04X", (int) c) + ")");
          break;
        }
      }
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> checkText(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, problems));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        checkText(l.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static void add(Map<String, List<String>> problems, String field, String message) {
    problems.computeIfAbsent(field.isEmpty() ? "(form)" : field, f -> new ArrayList<>()).add(message);
  }

  private static void findExternalRefs(Object value, String path, List<String> problems) {
    if (value instanceof Map<?, ?> m) {
      Object ref = m.get("$ref");
      if (ref instanceof String s && !s.startsWith("#")) {
        problems.add(path + ".$ref '" + s + "' points outside the template; parameter schemas must be self-contained");
      }
      m.forEach((k, v) -> findExternalRefs(v, path + "." + k, problems));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        findExternalRefs(l.get(i), path + "[" + i + "]", problems);
      }
    }
  }
}
