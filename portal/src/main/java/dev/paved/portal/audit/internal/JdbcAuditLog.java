package dev.paved.portal.audit.internal;

import dev.paved.portal.audit.AuditLog;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit entries to PostgreSQL, and to the log so they reach the log pipeline too. */
@Service
class JdbcAuditLog implements AuditLog {
  private static final Logger log = LoggerFactory.getLogger("paved.audit");
  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  JdbcAuditLog(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void record(String actor, String action, String target, String outcome, Map<String, ?> details) {
    String detailJson = json.writeValueAsString(details == null ? Map.of() : details);
    jdbc.update("insert into audit_event (actor, action, target, outcome, details) values (?, ?, ?, ?, ?::jsonb)",
        actor, action, target, outcome, detailJson);
    log.info("{} {} {} {} {}", actor, action, target, outcome, detailJson);
  }
}
