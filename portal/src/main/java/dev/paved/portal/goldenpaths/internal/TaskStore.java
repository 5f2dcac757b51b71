package dev.paved.portal.goldenpaths.internal;

import dev.paved.goldenpaths.engine.GoldenPath;
import dev.paved.goldenpaths.engine.StepRunner;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.goldenpaths.Scaffolder.LogLine;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.Step;
import dev.paved.portal.goldenpaths.Scaffolder.TaskFilter;
import dev.paved.portal.goldenpaths.Scaffolder.TaskSummary;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.operations.Replicas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tasks, their steps and logs in PostgreSQL. */
@Repository
class TaskStore {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final TransactionTemplate tx;
  private final String self;

  TaskStore(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx, Replicas replicas) {
    this.jdbc = jdbc;
    this.json = json;
    this.tx = tx;
    this.self = replicas.self().id();
  }

  /**
   * Stores a new queued task with its steps; when the request key was used before, stores nothing and
   * returns the earlier task's id.
   */
  /** A stored task; {@code isNew} is false when the request key found an earlier one. */
  record Created(UUID id, boolean isNew) {}

  /** Something a task will create, and the form field that named it. */
  record Claim(String resource, String field) {}

  /** Another task already claimed what this one would create. */
  static final class ClaimTaken extends RuntimeException {
    final Claim claim;

    ClaimTaken(Claim claim) {
      super(claim.resource());
      this.claim = claim;
    }
  }

  /**
   * @throws ClaimTaken when another task claimed one of the claims (nothing is stored)
   */
  Created create(GoldenPath template, Map<String, Object> answers, Actor actor, String requestKey, List<Claim> claims) {
    UUID id = UUID.randomUUID();
    try {
      tx.executeWithoutResult(status -> {
        jdbc.update("insert into scaffold_task (id, template_name, template_version, answers, state, created_by,"
            + " created_by_name, created_by_email, request_key, runner) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
            id, template.name(), template.version(), json.writeValueAsString(answers), State.QUEUED, actor.ref(),
            actor.name(), actor.email(), requestKey, self);
        int position = 0;
        for (GoldenPath.Step step : template.steps()) {
          jdbc.update("insert into scaffold_step (task_id, position, step_id, name, action, state) values (?, ?, ?, ?, ?, 'pending')",
              id, position++, step.id(), step.name() == null ? step.id() : step.name(), step.action());
        }
        for (Claim claim : claims) {
          if (jdbc.update("insert into scaffold_claim (resource, task_id) values (?, ?) on conflict do nothing",
              claim.resource(), id) == 0) {
            throw new ClaimTaken(claim);
          }
        }
      });
      return new Created(id, true);
    } catch (DuplicateKeyException e) {
      return new Created(jdbc.queryForObject("select id from scaffold_task where created_by = ? and request_key = ?",
          UUID.class, actor.ref(), requestKey), false);
    }
  }

  Optional<UUID> findByRequestKey(String createdBy, String requestKey) {
    if (requestKey == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("select id from scaffold_task where created_by = ? and request_key = ?", UUID.class,
        createdBy, requestKey).stream().findFirst();
  }

  /**
   * Moves a task from one of the given states to another; false when it was in none of them. Queuing,
   * running or undoing a task makes this replica its runner (the one whose death leaves it interrupted);
   * asking it to cancel does not.
   */
  boolean transition(UUID id, List<String> from, String to) {
    boolean runsHere = List.of(State.QUEUED, State.RUNNING, State.UNDOING).contains(to);
    return jdbc.update("update scaffold_task set state = ?, updated_at = now(),"
        + " finished_at = case when ? then now() else null end, runner = case when ? then ? else runner end"
        + " where id = ? and state = any (?)",
        to, !State.ACTIVE.contains(to), runsHere, self, id, from.toArray(String[]::new)) == 1;
  }

  void finish(UUID id, String state, Map<String, Object> output, String error) {
    jdbc.update("update scaffold_task set state = ?, output = ?::jsonb, error = ?, updated_at = now(), finished_at = now()"
        + " where id = ?", state, output == null ? null : json.writeValueAsString(output), error, id);
  }

  String state(UUID id) {
    return jdbc.queryForObject("select state from scaffold_task where id = ?", String.class, id);
  }

  void stepStarted(UUID id, String stepId) {
    jdbc.update("update scaffold_step set state = 'running', started_at = now(), finished_at = null, error = null"
        + " where task_id = ? and step_id = ?", id, stepId);
  }

  void stepFinished(UUID id, StepRunner.StepResult result) {
    jdbc.update("update scaffold_step set state = ?, output = ?::jsonb, error = ?, finished_at = now(),"
        + " started_at = coalesce(started_at, now()) where task_id = ? and step_id = ?",
        result.status().name().toLowerCase(java.util.Locale.ROOT), json.writeValueAsString(result.output()),
        result.error(), id, result.id());
  }

  void undoRecorded(UUID id, String stepId, Map<String, Object> record) {
    jdbc.update("update scaffold_step set undo = undo || ?::jsonb where task_id = ? and step_id = ?",
        json.writeValueAsString(List.of(record)), id, stepId);
  }

  Optional<UUID> claimHolder(String resource) {
    return jdbc.queryForList("select task_id from scaffold_claim where resource = ?", UUID.class, resource).stream().findFirst();
  }

  void dropClaim(String resource, UUID holder) {
    jdbc.update("delete from scaffold_claim where resource = ? and task_id = ?", resource, holder);
  }

  void releaseClaims(UUID id) {
    jdbc.update("delete from scaffold_claim where task_id = ?", id);
  }

  void undone(UUID id, String stepId) {
    jdbc.update("update scaffold_step set undo = '[]', state = 'undone' where task_id = ? and step_id = ?", id, stepId);
  }

  void log(UUID id, String stepId, String line) {
    jdbc.update("insert into scaffold_log (task_id, step_id, line) values (?, ?, ?)", id, stepId, line);
  }

  /** Outputs of the steps an earlier try completed, for a retry. */
  Map<String, Map<String, Object>> doneOutputs(UUID id) {
    Map<String, Map<String, Object>> done = new LinkedHashMap<>();
    jdbc.query("select step_id, output from scaffold_step where task_id = ? and state = 'done' order by position",
        rs -> {
          done.put(rs.getString(1), rs.getString(2) == null ? Map.of() : json.readValue(rs.getString(2), MAP));
        }, id);
    return done;
  }

  /** Every undo record, in the order the steps ran. */
  List<StepRunner.UndoRecord> undoRecords(UUID id) {
    List<StepRunner.UndoRecord> records = new ArrayList<>();
    jdbc.query("select step_id, action, undo from scaffold_step where task_id = ? order by position", rs -> {
      for (Map<String, Object> r : json.readValue(rs.getString(3), LIST)) {
        records.add(new StepRunner.UndoRecord(rs.getString(1), rs.getString(2), r));
      }
    }, id);
    return records;
  }

  /**
   * Tasks left working by a replica that is gone (stopped, or silent beyond the lease): they say so and wait for
   * a retry or an undo.
   *
   * @param alive the replicas still running
   */
  int interruptOrphaned(List<String> alive) {
    List<UUID> ids = jdbc.queryForList("update scaffold_task set state = ?, updated_at = now(), finished_at = now()"
        + " where state = any (?) and (runner is null or runner <> all (?)) returning id", UUID.class, State.INTERRUPTED,
        State.ACTIVE.toArray(String[]::new), alive.toArray(String[]::new));
    for (UUID id : ids) {
      jdbc.update("update scaffold_step set state = 'interrupted' where task_id = ? and state = 'running'", id);
      log(id, null, "The portal replica running this task stopped while it was working. Retry it to continue from the interrupted step,"
          + " or undo what it did.");
    }
    return ids.size();
  }

  /**
   * One task. The task row is read and its connection returned before steps and log are read: nested
   * queries inside a row callback would hold two connections each, and twenty of them at once would
   * drain the pool and wait on each other forever.
   */
  Optional<TaskView> get(UUID id) {
    List<TaskView> tasks = jdbc.query("select * from scaffold_task where id = ?", (rs, n) -> row(rs), id);
    return tasks.stream().findFirst().map(this::withStepsAndLog);
  }

  Actor creator(UUID id) {
    return jdbc.queryForObject("select created_by, created_by_name, created_by_email from scaffold_task where id = ?",
        (rs, n) -> new Actor(rs.getString(1), rs.getString(2), rs.getString(3)), id);
  }

  List<TaskSummary> list(TaskFilter filter) {
    StringBuilder sql = new StringBuilder("select id, template_name, template_version, state, created_by,"
        + " coalesce(answers->>'name', answers->>'team', template_name) as title, created_at, finished_at"
        + " from scaffold_task where true");
    List<Object> args = new ArrayList<>();
    if (filter.createdBy() != null) {
      sql.append(" and created_by = ?");
      args.add(filter.createdBy());
    }
    if (filter.state() != null) {
      sql.append(" and state = ?");
      args.add(filter.state());
    }
    sql.append(" order by created_at desc limit ?");
    args.add(Math.max(1, Math.min(filter.limit(), 500)));
    return jdbc.query(sql.toString(), (rs, n) -> new TaskSummary(rs.getObject(1, UUID.class), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8)), args.toArray());
  }

  /** The task row alone; steps and log are added by {@link #withStepsAndLog}. */
  private TaskView row(ResultSet rs) throws SQLException {
    String output = rs.getString("output");
    return new TaskView(rs.getObject("id", UUID.class), rs.getString("template_name"), rs.getString("template_version"),
        rs.getString("state"), rs.getString("created_by"), rs.getString("created_by_name"), instant(rs, "created_at"),
        instant(rs, "finished_at"), json.readValue(rs.getString("answers"), MAP), List.of(), List.of(),
        output == null ? Map.of() : json.readValue(output, MAP), rs.getString("error"));
  }

  private TaskView withStepsAndLog(TaskView t) {
    List<Step> steps = jdbc.query("select step_id, name, action, state, started_at, finished_at, error,"
        + " jsonb_array_length(undo) > 0 from scaffold_step where task_id = ? order by position",
        (r, n) -> new Step(r.getString(1), r.getString(2), r.getString(3), r.getString(4), instant(r, 5), instant(r, 6),
            r.getString(7), r.getBoolean(8)), t.id());
    List<LogLine> log = jdbc.query("select id, at, step_id, line from scaffold_log where task_id = ? order by id",
        (r, n) -> new LogLine(r.getLong(1), instant(r, 2), r.getString(3), r.getString(4)), t.id());
    return new TaskView(t.id(), t.template(), t.templateVersion(), t.state(), t.createdBy(), t.createdByName(),
        t.createdAt(), t.finishedAt(), t.answers(), steps, log, t.output(), t.error());
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
