package dev.paved.plugin.deploy;

import java.time.Instant;
import java.util.List;

/**
 * One earlier deployment of an application.
 *
 * @param id the system's id for it, which its own rollback takes
 * @param revisions the revision deployed from each source (one per source, in order)
 * @param sources the sources as they were then
 * @param deployedAt when it finished
 * @param initiatedBy who started it, or empty
 */
public record HistoryEntry(long id, List<String> revisions, List<DeploymentSource> sources, Instant deployedAt,
    String initiatedBy) {

  public HistoryEntry {
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
    sources = sources == null ? List.of() : List.copyOf(sources);
    initiatedBy = initiatedBy == null ? "" : initiatedBy;
  }
}
