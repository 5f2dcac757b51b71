package dev.paved.portal.goldenpaths.web;

import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.access.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scaffolder tasks over REST: start one from a golden path, follow it, retry, undo or cancel it. */
@RestController
@Tag(name = "tasks", description = "Scaffolder tasks")
class TaskController {
  private final Scaffolder scaffolder;
  private final CurrentUser currentUser;

  TaskController(Scaffolder scaffolder, CurrentUser currentUser) {
    this.scaffolder = scaffolder;
    this.currentUser = currentUser;
  }

  @Operation(summary = "Create from a golden path", description = "Checks the answers (a dry run, then existing"
      + " repositories and catalog entities) and starts a task: 201 with the task. Repeating a request with the same"
      + " Idempotency-Key returns the first task (200). Invalid or conflicting answers: 400 with the problems per field.")
  @PostMapping("/api/templates/{name}/tasks")
  ResponseEntity<Scaffolder.TaskView> start(@PathVariable String name, @RequestBody Map<String, Object> answers,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    if (key != null && (key.isBlank() || key.length() > 200)) {
      throw new GoldenPathException("Idempotency-Key must be 1 to 200 characters", false, Map.of());
    }
    Scaffolder.Started started = scaffolder.start(name, answers, currentUser.user(), key);
    return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/tasks/" + started.task().id())).body(started.task());
  }

  @Operation(summary = "List tasks", description = "Newest first; mine=true for the caller's only; state filters")
  @GetMapping("/api/tasks")
  List<Scaffolder.TaskSummary> list(@RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit) {
    return scaffolder.list(new Scaffolder.TaskFilter(mine ? currentUser.get().ref() : null, state, limit));
  }

  @Operation(summary = "One task with its steps, log and output")
  @GetMapping("/api/tasks/{id}")
  Scaffolder.TaskView get(@PathVariable UUID id) {
    return scaffolder.get(id).orElseThrow(() -> new GoldenPathException("no task " + id, true, Map.of()));
  }

  @Operation(summary = "Retry a failed, cancelled or interrupted task from its failed step")
  @PostMapping("/api/tasks/{id}/retry")
  Scaffolder.TaskView retry(@PathVariable UUID id) {
    return scaffolder.retry(id, currentUser.user());
  }

  @Operation(summary = "Undo what a failed, cancelled or interrupted task changed")
  @PostMapping("/api/tasks/{id}/undo")
  Scaffolder.TaskView undo(@PathVariable UUID id) {
    return scaffolder.undo(id, currentUser.user());
  }

  @Operation(summary = "Cancel a queued or running task after its current step")
  @PostMapping("/api/tasks/{id}/cancel")
  Scaffolder.TaskView cancel(@PathVariable UUID id) {
    return scaffolder.cancel(id, currentUser.user());
  }
}
