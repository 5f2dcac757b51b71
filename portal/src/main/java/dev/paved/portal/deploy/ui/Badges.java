package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.html.Span;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.deploy.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Status badges and times as the deployment pages show them. */
final class Badges {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private Badges() {}

  static Span health(Health health) {
    return badge(health.label(), switch (health) {
      case HEALTHY -> "success";
      case DEGRADED, MISSING -> "error";
      case PROGRESSING, SUSPENDED -> "contrast";
      case UNKNOWN -> "";
    });
  }

  static Span sync(SyncStatus sync) {
    return badge(sync.label(), switch (sync) {
      case SYNCED -> "success";
      case OUT_OF_SYNC -> "error";
      case UNKNOWN -> "";
    });
  }

  static Span badge(String text, String theme) {
    Span badge = new Span(text);
    badge.getElement().getThemeList().add("badge");
    if (!theme.isEmpty()) {
      badge.getElement().getThemeList().add(theme);
    }
    badge.getStyle().set("margin-right", "var(--lumo-space-xs)");
    return badge;
  }

  static String time(Instant instant) {
    return instant == null ? "never" : TIME.format(instant);
  }

  static String shortRevision(String revision) {
    return revision == null ? "" : revision.length() > 12 ? revision.substring(0, 12) : revision;
  }
}
