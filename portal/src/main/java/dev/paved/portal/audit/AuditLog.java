package dev.paved.portal.audit;

import java.util.Map;

/** The append-only record of every change made through the portal: who, what, on what, with what result. */
public interface AuditLog {

  /**
   * Appends an entry.
   *
   * @param actor who, as a catalog reference ({@code user:default/jane})
   * @param action what, such as {@code scaffold.start}
   * @param target on what, such as {@code task:<id>} or a repository
   * @param outcome {@code success}, {@code failure}, or {@code requested}
   * @param details anything that explains it (before/after, error), as JSON
   */
  void record(String actor, String action, String target, String outcome, Map<String, ?> details);
}
