package dev.paved.portal.audit.internal;

import dev.paved.portal.access.Access;
import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.Permission;
import dev.paved.portal.audit.AuditEntry;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The audit log's reads: filters become one parameterised query over {@code audit_event}. */
@Service
class JdbcAuditTrail implements AuditTrail {
  private static final String COLUMNS = "id, at, actor, action, target, outcome, details::text";
  private final JdbcTemplate jdbc;
  private final Access access;
  private final CurrentUser currentUser;

  JdbcAuditTrail(JdbcTemplate jdbc, Access access, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.access = access;
    this.currentUser = currentUser;
  }

  /** The audit log is for platform engineers and admins: it names everyone's actions. */
  private void requireReader() {
    access.require(currentUser.user(), Permission.VIEW_AUDIT_LOG, "Reading the audit log");
  }

  private record Where(String sql, List<Object> args) {}

  private static Where where(AuditQuery q) {
    StringBuilder sql = new StringBuilder(" where true");
    List<Object> args = new ArrayList<>();
    if (present(q.actor())) {
      sql.append(" and actor = ?");
      args.add(q.actor().trim());
    }
    if (present(q.action())) {
      sql.append(" and (action = ? or action like ? escape '\\')");
      args.add(q.action().trim());
      args.add(escapeLike(q.action().trim()) + ".%");
    }
    if (present(q.target())) {
      sql.append(" and target ilike ? escape '\\'");
      args.add("%" + escapeLike(q.target().trim()) + "%");
    }
    if (present(q.outcome())) {
      sql.append(" and outcome = ?");
      args.add(q.outcome().trim());
    }
    if (q.from() != null) {
      sql.append(" and at >= ?");
      args.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" and at < ?");
      args.add(Timestamp.from(q.to()));
    }
    return new Where(sql.toString(), args);
  }

  @Override
  public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
    requireReader();
    Where w = where(query);
    List<Object> args = new ArrayList<>(w.args());
    args.add(Math.max(1, Math.min(limit, 1000)));
    args.add(Math.max(0, offset));
    return jdbc.query("select " + COLUMNS + " from audit_event" + w.sql() + " order by id desc limit ? offset ?",
        JdbcAuditTrail::entry, args.toArray());
  }

  @Override
  public long count(AuditQuery query) {
    requireReader();
    Where w = where(query);
    Long n = jdbc.queryForObject("select count(*) from audit_event" + w.sql(), Long.class, w.args().toArray());
    return n == null ? 0 : n;
  }

  @Override
  public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
    requireReader();
    Where w = where(query);
    jdbc.query(connection -> {
      var statement = connection.prepareStatement("select " + COLUMNS + " from audit_event" + w.sql()
          + " order by id desc");
      statement.setFetchSize(500); // streamed, not held in memory, however long the log
      for (int i = 0; i < w.args().size(); i++) {
        statement.setObject(i + 1, w.args().get(i));
      }
      return statement;
    }, (ResultSet rs) -> {
      each.accept(entry(rs, 0));
    });
  }

  @Override
  public List<String> actions() {
    requireReader();
    return jdbc.queryForList("select distinct action from audit_event order by action", String.class);
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7));
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
