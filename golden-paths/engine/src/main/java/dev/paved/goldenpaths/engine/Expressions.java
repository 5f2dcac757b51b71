package dev.paved.goldenpaths.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small expression language of step inputs, as Backstage writes them: {@code ${{ parameters.name
 * }}}, {@code ${{ steps['publish'].output.remoteUrl }}}, with filters such as {@code ${{
 * parameters.repoUrl | parseRepoUrl }}}.
 *
 * <p>It reads values and applies a fixed set of filters, nothing else: no calls, no arithmetic, no
 * access to anything but the context's maps and lists. An input that is exactly one expression keeps
 * the value's type (a list stays a list); text around expressions makes a string.
 */
public final class Expressions {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final int MAX_LENGTH = 1000;

  /** A filter: the value piped into it and its arguments. */
  private static final Map<String, BiFunction<Object, List<Object>, Object>> FILTERS = Map.of(
      "lower", (v, a) -> text(v).toLowerCase(Locale.ROOT),
      "upper", (v, a) -> text(v).toUpperCase(Locale.ROOT),
      "trim", (v, a) -> text(v).trim(),
      "default", (v, a) -> v == null || "".equals(v) ? (a.isEmpty() ? "" : a.get(0)) : v,
      "replace", (v, a) -> text(v).replace(text(arg(a, 0, "replace")), text(arg(a, 1, "replace"))),
      "parseRepoUrl", (v, a) -> RepoUrl.parse(text(v)),
      "parseEntityRef", (v, a) -> EntityRefs.parse(text(v), a.isEmpty() ? null : text(a.get(0))),
      "join", (v, a) -> v instanceof List<?> l ? String.join(a.isEmpty() ? "," : text(a.get(0)),
          l.stream().map(Expressions::text).toList()) : text(v),
      // JSON text, which is also valid YAML: for recording answers in a generated file
      "json", (v, a) -> JsonSchemas.JSON.writeValueAsString(v));

  private Expressions() {}

  /** Evaluation failed; the message names the expression and the reason. */
  public static class ExpressionException extends RuntimeException {
    public ExpressionException(String message) {
      super(message);
    }
  }

  /**
   * Resolves every expression in a step input: strings are evaluated, maps and lists recursively.
   *
   * @param context the names expressions may read: {@code parameters}, {@code steps}, {@code user}, ...
   */
  public static Object resolve(Object input, Map<String, ?> context) {
    if (input instanceof String s) {
      return evaluate(s, context);
    }
    if (input instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, context)));
      return out;
    }
    if (input instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(resolve(v, context)));
      return out;
    }
    return input;
  }

  /** Evaluates one string that may contain expressions. */
  public static Object evaluate(String template, Map<String, ?> context) {
    Matcher m = EXPRESSION.matcher(template);
    if (m.matches()) {
      return eval(m.group(1).trim(), context);
    }
    StringBuilder sb = new StringBuilder();
    int last = 0;
    m.reset();
    while (m.find()) {
      sb.append(template, last, m.start());
      Object value = eval(m.group(1).trim(), context);
      sb.append(value == null ? "" : text(value));
      last = m.end();
    }
    return sb.append(template.substring(last)).toString();
  }

  private static Object eval(String expression, Map<String, ?> context) {
    if (expression.length() > MAX_LENGTH) {
      throw new ExpressionException("expression longer than " + MAX_LENGTH + " characters");
    }
    Parser p = new Parser(expression);
    Object value = filtered(p, expression, context);
    p.skipSpaces();
    // a comparison, as step conditions write them: ${{ parameters.ci == 'gitlab' }}
    if (p.s.startsWith("==", p.pos) || p.s.startsWith("!=", p.pos)) {
      boolean equal = p.s.startsWith("==", p.pos);
      p.pos += 2;
      Object other = filtered(p, expression, context);
      value = equal == java.util.Objects.equals(text(value), text(other));
      p.skipSpaces();
    }
    if (p.pos != expression.length()) {
      throw p.error("unexpected '" + expression.substring(p.pos) + "'");
    }
    return value;
  }

  /** A value and the filters piped after it. */
  private static Object filtered(Parser p, String expression, Map<String, ?> context) {
    Object value = p.primary(context);
    p.skipSpaces();
    while (p.peek() == '|') {
      p.pos++;
      p.skipSpaces();
      String name = p.identifier();
      List<Object> args = new ArrayList<>();
      p.skipSpaces();
      if (p.peek() == '(') {
        p.pos++;
        p.skipSpaces();
        while (p.peek() != ')') {
          args.add(p.primary(context));
          p.skipSpaces();
          if (p.peek() == ',') {
            p.pos++;
            p.skipSpaces();
          } else if (p.peek() != ')') {
            throw p.error("expected ',' or ')'");
          }
        }
        p.pos++;
      }
      BiFunction<Object, List<Object>, Object> filter = FILTERS.get(name);
      if (filter == null) {
        throw new ExpressionException("unknown filter '" + name + "' in ${{ " + expression + " }}; known: "
            + String.join(", ", FILTERS.keySet().stream().sorted().toList()));
      }
      try {
        value = filter.apply(value, args);
      } catch (IllegalArgumentException e) {
        throw new ExpressionException(name + " in ${{ " + expression + " }}: " + e.getMessage());
      }
      p.skipSpaces();
    }
    return value;
  }

  private static Object arg(List<Object> args, int i, String filter) {
    if (args.size() <= i) {
      throw new IllegalArgumentException(filter + " needs " + (i + 1) + " arguments");
    }
    return args.get(i);
  }

  static String text(Object v) {
    return v == null ? "" : String.valueOf(v);
  }

  /** A recursive-descent reader for paths and literals. */
  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    ExpressionException error(String what) {
      return new ExpressionException("cannot read ${{ " + s + " }} at position " + (pos + 1) + ": " + what);
    }

    String identifier() {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a name");
      }
      return s.substring(start, pos);
    }

    Object primary(Map<String, ?> context) {
      skipSpaces();
      char c = peek();
      if (c == '\'' || c == '"') {
        return string();
      }
      if (c == '(') {
        // a parenthesised expression, so a filter's result can be read further: (x | parseEntityRef).name
        int close = matchingParenthesis(pos);
        Object inner = eval(s.substring(pos + 1, close).trim(), context);
        pos = close + 1;
        return accessors(inner);
      }
      if (Character.isDigit(c) || c == '-') {
        int start = pos++;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        String n = s.substring(start, pos);
        return n.contains(".") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
      }
      String name = identifier();
      switch (name) {
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        case "null":
          return null;
        default:
          break;
      }
      Object value = context.get(name);
      if (!context.containsKey(name)) {
        throw error("unknown name '" + name + "'; expressions can read " + String.join(", ", context.keySet()));
      }
      return accessors(value);
    }

    private int matchingParenthesis(int open) {
      int depth = 0;
      char quote = 0;
      for (int i = open; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (quote != 0) {
          if (ch == '\\') {
            i++;
          } else if (ch == quote) {
            quote = 0;
          }
        } else if (ch == '\'' || ch == '"') {
          quote = ch;
        } else if (ch == '(') {
          depth++;
        } else if (ch == ')' && --depth == 0) {
          return i;
        }
      }
      throw error("unbalanced parentheses");
    }

    private Object accessors(Object value) {
      while (true) {
        if (peek() == '.') {
          pos++;
          value = member(value, identifier());
        } else if (peek() == '[') {
          pos++;
          skipSpaces();
          Object key = peek() == '\'' || peek() == '"' ? string() : primary(Map.of());
          skipSpaces();
          if (peek() != ']') {
            throw error("expected ']'");
          }
          pos++;
          value = key instanceof Number n && value instanceof List<?> l
              ? (n.intValue() >= 0 && n.intValue() < l.size() ? l.get(n.intValue()) : null)
              : member(value, text(key));
        } else {
          return value;
        }
      }
    }

    private static Object member(Object value, String key) {
      return value instanceof Map<?, ?> m ? m.get(key) : null;
    }

    String string() {
      char quote = s.charAt(pos++);
      StringBuilder sb = new StringBuilder();
      while (pos < s.length() && s.charAt(pos) != quote) {
        char c = s.charAt(pos++);
        if (c == '\\' && pos < s.length()) {
          c = s.charAt(pos++);
        }
        sb.append(c);
      }
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      pos++;
      return sb.toString();
    }
  }
}
