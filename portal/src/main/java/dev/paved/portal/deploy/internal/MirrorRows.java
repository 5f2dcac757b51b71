package dev.paved.portal.deploy.internal;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rows of {@code deployment_mirror}: what the watching replica saw, as JSON, numbered in write order. */
@Component
class MirrorRows {
  enum Kind { deployment, instance }

  /**
   * One row as read.
   *
   * @param body the deployment or instance state as JSON, or null once the deployment is gone
   */
  record Row(Kind kind, String instance, String name, String body, long seq) {}

  private final JdbcTemplate jdbc;

  MirrorRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every row written after {@code seq}, oldest first; deleted rows only when {@code withDeleted}. */
  List<Row> since(long seq, boolean withDeleted) {
    return jdbc.query("select kind, instance, name, body::text, seq from deployment_mirror where seq > ?"
            + (withDeleted ? "" : " and body is not null") + " order by seq",
        (rs, n) -> new Row(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
        seq);
  }

  void put(Kind kind, String instance, String name, String body) {
    jdbc.update("insert into deployment_mirror (kind, instance, name, body) values (?, ?, ?, cast(? as jsonb))"
        + " on conflict (kind, instance, name) do update set body = excluded.body,"
        + " seq = nextval('deployment_mirror_seq'), changed_at = now()", kind.name(), instance, name, body);
  }

  void remove(Kind kind, String instance, String name) {
    jdbc.update("update deployment_mirror set body = null, seq = nextval('deployment_mirror_seq'), changed_at = now()"
        + " where kind = ? and instance = ? and name = ? and body is not null", kind.name(), instance, name);
  }

  /** Forgets deletions older than a day: every replica has read them since. */
  int forgetOldDeletions() {
    return jdbc.update("delete from deployment_mirror where body is null and changed_at < now() - interval '1 day'");
  }
}
