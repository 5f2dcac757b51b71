package dev.paved.portal.operations.web;

import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.ClusterStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replicas and scheduled jobs over REST, read-only, for platform engineers. */
@RestController
@RequestMapping("/api/cluster")
@Tag(name = "cluster", description = "Replicas and scheduled jobs")
class ClusterController {
  private final ClusterStatus status;

  ClusterController(ClusterStatus status) {
    this.status = status;
  }

  @Operation(summary = "Replicas alive and every scheduled job with its last run (platform engineers)")
  @GetMapping
  ClusterStatus.View cluster() {
    return status.view();
  }

  @Operation(summary = "A job's recent runs, newest first: replica, times, outcome, error (platform engineers)")
  @GetMapping("/jobs/{name}/runs")
  List<ClusterJobs.JobRun> runs(@PathVariable String name, @RequestParam(defaultValue = "20") int limit) {
    return status.runs(name, limit);
  }
}
