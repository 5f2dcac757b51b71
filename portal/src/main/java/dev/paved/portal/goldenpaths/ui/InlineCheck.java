package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a text field against its schema's {@code pattern}, {@code minLength} and {@code maxLength} while
 * the user types, so most mistakes show before Preview. The server validates again with the full schema;
 * this is only the quick feedback.
 */
final class InlineCheck {
  /** Backstage's entity name rule, lower-cased as Kubernetes names are: for {@code EntityNamePicker}. */
  static final String ENTITY_NAME = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";

  private InlineCheck() {}

  static void attach(TextFieldBase<?, String> field, Map<String, Object> schema) {
    Pattern pattern = compile(schema.get("pattern"));
    Integer min = schema.get("minLength") instanceof Number n ? n.intValue() : null;
    Integer max = schema.get("maxLength") instanceof Number n ? n.intValue() : null;
    if (pattern == null && min == null && max == null) {
      return;
    }
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(e -> {
      String problem = problem(e.getValue(), pattern, min, max);
      field.setInvalid(problem != null);
      field.setErrorMessage(problem);
    });
  }

  static String problem(String value, Pattern pattern, Integer min, Integer max) {
    if (value == null || value.isEmpty()) {
      return null; // "required" is the server's to say, once the user asks for a preview
    }
    if (min != null && value.length() < min) {
      return "must be at least " + min + " characters";
    }
    if (max != null && value.length() > max) {
      return "must be at most " + max + " characters";
    }
    if (pattern != null && !pattern.matcher(value).find()) {
      return "does not match the pattern " + pattern.pattern();
    }
    return null;
  }

  /** JSON Schema patterns are ECMAScript; the ones templates use read the same in Java. */
  private static Pattern compile(Object pattern) {
    if (!(pattern instanceof String p)) {
      return null;
    }
    try {
      return Pattern.compile(p);
    } catch (PatternSyntaxException e) {
      return null; // the server's validator reports a pattern it cannot use
    }
  }
}
