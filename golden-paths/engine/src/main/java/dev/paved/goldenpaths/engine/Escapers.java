package dev.paved.goldenpaths.engine;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Escaping for the places answers land in. Plain interpolation is not escaped (a newline in an answer
 * could add YAML keys), so skeletons write {@code ${yaml(values.description)}}, {@code ${json(...)}}
 * or {@code ${shell(...)}} where a value goes into such a file.
 */
public final class Escapers {
  private Escapers() {}

  /** A JSON string literal, quotes included; control and bidi characters escaped. */
  public static String json(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || isBidiControl(c) || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A YAML scalar that reads back as exactly the value: a JSON string literal is a valid YAML
   * double-quoted scalar, so no answer can start a new key, a list or a document.
   */
  public static String yaml(String value) {
    return json(value);
  }

  /** A single-quoted shell word: nothing inside is expanded. */
  public static String shell(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Directional formatting characters, which can make code read differently from how it runs. */
  static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
        || c == '\u061c';
  }

  /** The escapers as FreeMarker functions, under the names skeletons use. */
  static Map<String, TemplateMethodModelEx> asFunctions() {
    return Map.of("json", function("json", Escapers::json), "yaml", function("yaml", Escapers::yaml),
        "shell", function("shell", Escapers::shell));
  }

  private static TemplateMethodModelEx function(String name, UnaryOperator<String> escaper) {
    return (List arguments) -> {
      if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel scalar)) {
        throw new TemplateModelException(name + "(...) takes one text value");
      }
      return escaper.apply(scalar.getAsString());
    };
  }
}
