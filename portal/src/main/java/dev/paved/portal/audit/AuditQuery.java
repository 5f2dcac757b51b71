package dev.paved.portal.audit;

import java.time.Instant;

/**
 * Which audit entries to read; every field is optional (null or blank means any).
 *
 * @param actor exactly this actor, such as {@code user:default/jane}
 * @param action this action, or every action under it ({@code deployment} matches {@code deployment.sync})
 * @param target entries whose target contains this text
 * @param outcome exactly this outcome
 * @param from at or after
 * @param to before
 */
public record AuditQuery(String actor, String action, String target, String outcome, Instant from, Instant to) {

  /** Every entry. */
  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }
}
