package dev.paved.portal.goldenpaths;

import dev.paved.portal.access.PortalUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs golden paths for real: each request becomes a persisted task run in the background, whose steps,
 * log and outputs anyone can follow, and which can be retried from the failed step, undone or cancelled.
 */
public interface Scaffolder {

  /**
   * Checks the answers (a dry run, then conflicts such as an existing repository or catalog entity) and
   * starts a task. A repeated request with the same key returns the task the first one started.
   *
   * @param requestKey identifies one submit of one form, so a double-click starts one task; may be null
   * @throws GoldenPathException with the problems per field when the answers are invalid or conflict
   * @throws dev.paved.portal.access.PermissionDenied when the user may not create a service for the owner the
   *     answers name (developers create for their own groups)
   */
  Started start(String template, Map<String, Object> answers, PortalUser user, String requestKey);

  /** A started task; {@code created} is false when the request key found the task an earlier request started. */
  record Started(TaskView task, boolean created) {}

  Optional<TaskView> get(UUID id);

  /** Recent tasks, newest first. */
  List<TaskSummary> list(TaskFilter filter);

  /**
   * Runs a failed, cancelled or interrupted task again from its failed step. Retry, undo and cancel are for the
   * task's creator, the service owner's members and platform engineers.
   */
  TaskView retry(UUID id, PortalUser user);

  /** Undoes what a failed, cancelled or interrupted task changed, newest step first. */
  TaskView undo(UUID id, PortalUser user);

  /** Stops a running task after its current step; it can then be undone or retried. */
  TaskView cancel(UUID id, PortalUser user);

  /**
   * Which tasks to list.
   *
   * @param createdBy only this user's (a catalog reference), or null for everybody's
   * @param state only tasks in this state, or null
   */
  record TaskFilter(String createdBy, String state, int limit) {}

  /** A row of the tasks list. */
  record TaskSummary(UUID id, String template, String templateVersion, String state, String createdBy,
      String title, Instant createdAt, Instant finishedAt) {}

  /** Everything the task page shows. */
  record TaskView(UUID id, String template, String templateVersion, String state, String createdBy,
      String createdByName, Instant createdAt, Instant finishedAt, Map<String, Object> answers, List<Step> steps,
      List<LogLine> log, Map<String, Object> output, String error) {

    /** Whether the task has stopped for good or until someone acts on it. */
    public boolean finished() {
      return !State.ACTIVE.contains(state);
    }
  }

  /** A step of a task. */
  record Step(String id, String name, String action, String state, Instant startedAt, Instant finishedAt,
      String error, boolean hasUndo) {}

  /** A line of a task's log. */
  record LogLine(long id, Instant at, String stepId, String line) {}

  /** Task states. */
  final class State {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLING = "cancelling";
    public static final String CANCELLED = "cancelled";
    public static final String INTERRUPTED = "interrupted";
    public static final String UNDOING = "undoing";
    public static final String UNDONE = "undone";
    public static final String UNDO_FAILED = "undo-failed";
    /** States in which a task is still working. */
    public static final List<String> ACTIVE = List.of(QUEUED, RUNNING, CANCELLING, UNDOING);
    /** States from which retry and undo are offered. */
    public static final List<String> RECOVERABLE = List.of(FAILED, CANCELLED, INTERRUPTED, UNDO_FAILED);

    private State() {}
  }

  /**
   * Published whenever a task's state, steps or log change, for open task pages on every replica (the task
   * runs on one, and may be watched on another).
   */
  record TaskChanged(UUID id) implements dev.paved.portal.operations.ClusterEvent {}
}
