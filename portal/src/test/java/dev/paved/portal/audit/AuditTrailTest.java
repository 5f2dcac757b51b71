package dev.paved.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.testing.PortalTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The audit log read back: filters, the append-only table, exports, the REST API. */
class AuditTrailTest extends PortalTest {
  @Autowired AuditLog log;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  @Test
  void filtersByWhoWhatTargetOutcomeAndTime() {
    String jane = "user:default/" + unique("jane");
    log.record(jane, "deployment.sync", "deployment:prod/payments-prod", "success", Map.of("prune", true));
    log.record(jane, "deployment.rollback", "deployment:prod/payments_prod%", "failure", Map.of("error", "refused"));
    log.record(jane, "scaffold.start", "task:1", "requested", Map.of());

    assertThat(trail.find(new AuditQuery(jane, null, null, null, null, null), 0, 10)).extracting(AuditEntry::action)
        .as("newest first").containsExactly("scaffold.start", "deployment.rollback", "deployment.sync");
    assertThat(trail.count(new AuditQuery(jane, "deployment", null, null, null, null))).as("an action prefix").isEqualTo(2);
    assertThat(trail.count(new AuditQuery(jane, "deploy", null, null, null, null))).as("whole words only").isZero();
    assertThat(trail.find(new AuditQuery(jane, null, "payments_prod%", null, null, null), 0, 10))
        .as("wildcards in the text are plain characters").singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("failure"));
    assertThat(trail.count(new AuditQuery(jane, null, null, "requested", null, null))).isEqualTo(1);
    Instant now = Instant.now();
    assertThat(trail.count(new AuditQuery(jane, null, null, null, now.minus(1, ChronoUnit.HOURS), null))).isEqualTo(3);
    assertThat(trail.count(new AuditQuery(jane, null, null, null, null, now.minus(1, ChronoUnit.HOURS)))).isZero();
    assertThat(trail.actions()).contains("deployment.sync", "scaffold.start");
  }

  @Test
  void entriesCannotBeChangedOrRemovedEvenDirectly() {
    String who = "user:default/" + unique("mallory");
    log.record(who, "deployment.scale", "deployment:prod/x", "success", Map.of());

    assertThatThrownBy(() -> jdbc.update("update audit_event set outcome = 'failure' where actor = ?", who))
        .rootCause().hasMessageContaining("audit entries cannot be changed or removed (UPDATE on audit_event)");
    assertThatThrownBy(() -> jdbc.update("delete from audit_event where actor = ?", who))
        .rootCause().hasMessageContaining("audit entries cannot be changed or removed (DELETE on audit_event)");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).rootCause()
        .hasMessageContaining("(TRUNCATE on audit_event)");
    assertThat(trail.count(new AuditQuery(who, null, null, "success", null, null))).isEqualTo(1);
  }

  @Test
  void exportsAreSafeForSpreadsheetsAndLogTools() {
    String who = "user:default/" + unique("eve");
    log.record(who, "deployment.sync", "=HYPERLINK(\"http://evil\",\"x\")", "success", Map.of("note", "a \"quoted\"\nline"));
    AuditQuery mine = new AuditQuery(who, null, null, null, null, null);

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    AuditExport.write(trail, mine, AuditExport.Format.CSV, csv);
    List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("\"id\",\"at\",\"actor\",\"action\",\"target\",\"outcome\",\"details\"");
    assertThat(lines.get(1)).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");

    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    AuditExport.write(trail, mine, AuditExport.Format.JSONL, jsonl);
    var entry = JsonMapper.builder().build().readTree(jsonl.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    assertThat(entry.path("target").asString()).startsWith("=HYPERLINK");
    assertThat(entry.path("details").path("note").asString()).isEqualTo("a \"quoted\"\nline");
  }

  @Test
  void theRestApiReadsAndExportsButOffersNoWay() throws Exception {
    String who = "user:default/" + unique("ann");
    log.record(who, "deployment.restart", "deployment:dev/a", "success", Map.of());

    mvc.perform(get("/api/audit").param("actor", who)).andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems", Matchers.is(1))).andExpect(jsonPath("$.items[0].action", Matchers.is("deployment.restart")));
    mvc.perform(get("/api/audit/export").param("actor", who).param("format", "csv")).andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", Matchers.containsString("paved-audit.csv")));
    mvc.perform(get("/api/audit").param("from", "yesterday")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", Matchers.containsString("ISO-8601")));
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/audit"))
        .andExpect(status().isMethodNotAllowed());
  }
}
