package dev.paved.portal.deploy;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.deploy.SyncStatus;
import java.util.Locale;
import java.util.function.Predicate;

/** The status filters of the Deployments page: what needs attention. */
public enum DeploymentFilter implements Predicate<Deployment> {
  ALL("All"),
  DEGRADED("Degraded"),
  OUT_OF_SYNC("Out of sync"),
  PROGRESSING("Progressing");

  private final String label;

  DeploymentFilter(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public boolean test(Deployment d) {
    return switch (this) {
      case ALL -> true;
      case DEGRADED -> d.health() == Health.DEGRADED;
      case OUT_OF_SYNC -> d.sync() == SyncStatus.OUT_OF_SYNC;
      case PROGRESSING -> d.health() == Health.PROGRESSING || d.operation() != null && d.operation().running();
    };
  }

  /** Whether a deployment's name, service, environment, project or instance contains the text. */
  public static boolean matchesText(Deployment d, String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    return d.ref().name().contains(t) || d.service().contains(t) || d.environment().contains(t)
        || d.project().toLowerCase(Locale.ROOT).contains(t) || d.ref().instance().contains(t);
  }
}
