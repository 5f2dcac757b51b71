package dev.paved.plugin.deploy;

/** How a deployed application or one of its resources is doing, in Argo CD's terms. */
public enum Health {
  HEALTHY("Healthy"), PROGRESSING("Progressing"), DEGRADED("Degraded"), SUSPENDED("Suspended"),
  MISSING("Missing"), UNKNOWN("Unknown");

  private final String label;

  Health(String label) {
    this.label = label;
  }

  /** The health as the deployment system names it; unknown or missing names are {@link #UNKNOWN}. */
  public static Health of(String name) {
    for (Health health : values()) {
      if (health.label.equals(name)) {
        return health;
      }
    }
    return UNKNOWN;
  }

  /** The name people know from Argo CD, such as {@code Degraded}. */
  public String label() {
    return label;
  }
}
