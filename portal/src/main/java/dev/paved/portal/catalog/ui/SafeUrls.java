package dev.paved.portal.catalog.ui;

import java.util.Locale;

/** Links from descriptor files are shown only when they cannot run script ({@code javascript:} and the like). */
final class SafeUrls {
  private SafeUrls() {}

  static boolean isSafe(String url) {
    String lower = url.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
  }
}
