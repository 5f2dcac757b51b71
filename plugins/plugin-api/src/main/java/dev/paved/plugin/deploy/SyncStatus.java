package dev.paved.plugin.deploy;

/** Whether the cluster matches what Git says. */
public enum SyncStatus {
  SYNCED("Synced"), OUT_OF_SYNC("OutOfSync"), UNKNOWN("Unknown");

  private final String label;

  SyncStatus(String label) {
    this.label = label;
  }

  /** The status as the deployment system names it; unknown or missing names are {@link #UNKNOWN}. */
  public static SyncStatus of(String name) {
    for (SyncStatus status : values()) {
      if (status.label.equals(name)) {
        return status;
      }
    }
    return UNKNOWN;
  }

  /** The name people know from Argo CD, such as {@code OutOfSync}. */
  public String label() {
    return label;
  }
}
