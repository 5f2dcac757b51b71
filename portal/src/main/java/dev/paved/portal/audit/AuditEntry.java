package dev.paved.portal.audit;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id its position in the log (ascending with time)
 * @param at when
 * @param actor who, as a catalog reference
 * @param action what, such as {@code deployment.rollback}
 * @param target on what, such as {@code deployment:prod/payments-prod}
 * @param outcome {@code success}, {@code failure}, {@code requested}...
 * @param details before/after, error and the like, as JSON
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String outcome,
    String details) {}
