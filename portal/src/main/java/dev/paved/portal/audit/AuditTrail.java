package dev.paved.portal.audit;

import java.util.List;
import java.util.function.Consumer;

/** Reads the audit log, newest first. Entries can only be added ({@link AuditLog}), never changed. */
public interface AuditTrail {

  /** A page of the matching entries, newest first. */
  List<AuditEntry> find(AuditQuery query, int offset, int limit);

  /** How many entries match. */
  long count(AuditQuery query);

  /** Every matching entry, newest first, streamed to {@code each} (for exports of any size). */
  void forEach(AuditQuery query, Consumer<AuditEntry> each);

  /** The actions and outcomes present, for filter choices. */
  List<String> actions();
}
