package dev.paved.portal.catalog.internal;

import java.util.List;
import java.util.Map;

/** Checks on the text inside a descriptor tree. */
final class Text {
  private Text() {}

  /** Whether any key or string value holds a NUL character, which PostgreSQL cannot store in text. */
  static boolean containsNul(Object value) {
    if (value instanceof String s) {
      return s.indexOf('\0') >= 0;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (containsNul(e.getKey()) || containsNul(e.getValue())) {
          return true;
        }
      }
    } else if (value instanceof List<?> l) {
      for (Object o : l) {
        if (containsNul(o)) {
          return true;
        }
      }
    }
    return false;
  }
}
