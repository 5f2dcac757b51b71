package dev.paved.portal.settings;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A setting a feature lets admins change at runtime, contributed as a Spring bean.
 *
 * @param key a dotted name, such as {@code deployments.rollback}
 * @param section where the Settings page lists it, such as {@code Deployments}
 * @param label its name on the page
 * @param description what it changes, in a sentence or two
 * @param choices the allowed values, or empty for a number within {@code min}..{@code max}
 * @param min the smallest number allowed (for numeric settings)
 * @param max the largest number allowed (for numeric settings)
 * @param configured the value from configuration, used while no admin has overridden it
 */
public record SettingDefinition(String key, String section, String label, String description, List<String> choices,
    int min, int max, Supplier<String> configured) {

  public SettingDefinition {
    choices = List.copyOf(choices);
  }

  /** A setting with a fixed set of values. */
  public static SettingDefinition choice(String key, String section, String label, String description,
      List<String> choices, Supplier<String> configured) {
    return new SettingDefinition(key, section, label, description, choices, 0, 0, configured);
  }

  /** A whole number within bounds. */
  public static SettingDefinition number(String key, String section, String label, String description, int min,
      int max, Supplier<String> configured) {
    return new SettingDefinition(key, section, label, description, List.of(), min, max, configured);
  }

  /** What is wrong with a value, if anything. */
  public Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(label + " needs a value");
    }
    if (!choices.isEmpty()) {
      return choices.contains(value) ? Optional.empty()
          : Optional.of(label + " must be one of " + String.join(", ", choices) + ", not '" + clip(value) + "'");
    }
    try {
      int n = Integer.parseInt(value.strip());
      return n < min || n > max ? Optional.of(label + " must be between " + min + " and " + max + ", not " + n)
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.of(label + " must be a whole number between " + min + " and " + max + ", not '" + clip(value) + "'");
    }
  }

  private static String clip(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
