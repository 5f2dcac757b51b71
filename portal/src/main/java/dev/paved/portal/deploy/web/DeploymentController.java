package dev.paved.portal.deploy.web;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.InstanceState;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.portal.deploy.DeploymentFilter;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Deployments page and the day-2 operations over HTTP, for scripts and CI: the same services, the same
 * audit entries. Operations take a JSON body only ({@code {}} where there are no options): a page on another
 * site cannot send one without the browser asking first, so it cannot trigger them. Argo CD's failures come back as problem documents whose status says whose fault it was
 * (404 missing, 409 refused by Argo CD, 502 Argo CD failed, 503 unreachable or not connected).
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentController {
  private final Deployments deployments;
  private final DeploymentOperations operations;

  DeploymentController(Deployments deployments, DeploymentOperations operations) {
    this.deployments = deployments;
    this.operations = operations;
  }

  /** The Deployments page's list. */
  record Listing(boolean connected, List<InstanceState> instances, List<Deployment> items, int totalItems) {}

  @GetMapping
  Listing list(@RequestParam(defaultValue = "all") String status, @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    DeploymentFilter filter;
    try {
      filter = DeploymentFilter.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("status must be one of all, degraded, out-of-sync, progressing, not '"
          + status + "'");
    }
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and 1000");
    }
    List<Deployment> matching = deployments.all().stream().filter(filter)
        .filter(d -> DeploymentFilter.matchesText(d, q)).toList();
    return new Listing(deployments.connected(), deployments.instances(),
        matching.stream().skip(offset).limit(limit).toList(), matching.size());
  }

  @GetMapping("/{instance}/{name}")
  Deployment get(@PathVariable String instance, @PathVariable String name) throws DeploymentException {
    DeploymentRef ref = new DeploymentRef(instance, name);
    return deployments.get(ref).orElseThrow(() -> new DeploymentException(DeploymentException.Reason.NOT_FOUND,
        deployments.connected() ? "Argo CD " + instance + " has no application " + name + " (as last seen)"
            : "No Argo CD is connected to this portal"));
  }

  @GetMapping("/{instance}/{name}/resources")
  List<ResourceNode> resources(@PathVariable String instance, @PathVariable String name) throws DeploymentException {
    return deployments.tree(new DeploymentRef(instance, name));
  }

  @GetMapping("/{instance}/{name}/history")
  List<Deployments.DeployedRevision> history(@PathVariable String instance, @PathVariable String name)
      throws DeploymentException {
    return deployments.history(new DeploymentRef(instance, name));
  }

  /** Options of a sync. */
  record SyncRequest(Boolean prune, Boolean dryRun) {}

  @PostMapping(path = "/{instance}/{name}/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result sync(@PathVariable String instance, @PathVariable String name,
      @RequestBody SyncRequest request) throws DeploymentException {
    return operations.sync(new DeploymentRef(instance, name), Boolean.TRUE.equals(request.prune()),
        Boolean.TRUE.equals(request.dryRun()));
  }

  @PostMapping(path = "/{instance}/{name}/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result refresh(@PathVariable String instance, @PathVariable String name,
      @RequestBody RefreshRequest request) throws DeploymentException {
    return operations.refresh(new DeploymentRef(instance, name), Boolean.TRUE.equals(request.hard()));
  }

  /** Whether Argo CD also regenerates the manifests. */
  record RefreshRequest(Boolean hard) {}

  /** How many replicas. */
  record ScaleRequest(Integer replicas) {}

  @PostMapping(path = "/{instance}/{name}/scale", consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result scale(@PathVariable String instance, @PathVariable String name,
      @RequestBody ScaleRequest request) throws DeploymentException {
    if (request == null || request.replicas() == null) {
      throw new IllegalArgumentException("send {\"replicas\": <number>}");
    }
    return operations.scale(new DeploymentRef(instance, name), request.replicas());
  }

  /** Which workload, or every one. */
  record RestartRequest(String workload) {}

  @PostMapping(path = "/{instance}/{name}/restart", consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result restart(@PathVariable String instance, @PathVariable String name,
      @RequestBody RestartRequest request) throws DeploymentException {
    return operations.restart(new DeploymentRef(instance, name), request.workload());
  }

  /** Which earlier deployment. */
  record RollbackRequest(Long id) {}

  @PostMapping(path = "/{instance}/{name}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result rollback(@PathVariable String instance, @PathVariable String name,
      @RequestBody RollbackRequest request) throws DeploymentException {
    if (request == null || request.id() == null) {
      throw new IllegalArgumentException("send {\"id\": <history id>} (GET …/history lists them)");
    }
    return operations.rollback(new DeploymentRef(instance, name), request.id());
  }

  /** The application's name again, as the user's confirmation. */
  record DeleteRequest(String confirm) {}

  @io.swagger.v3.oas.annotations.Operation(summary = "Delete one environment of a service",
      description = "Deletes the Argo CD application with its resources and its folder in the GitOps repository;"
          + " the body repeats the application's name: {\"confirm\": \"<name>\"}")
  @org.springframework.web.bind.annotation.DeleteMapping(path = "/{instance}/{name}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  DeploymentOperations.Result delete(@PathVariable String instance, @PathVariable String name,
      @RequestBody DeleteRequest request) throws DeploymentException {
    return operations.delete(new DeploymentRef(instance, name), request == null ? null : request.confirm());
  }

  @ExceptionHandler(DeploymentException.class)
  ResponseEntity<ProblemDetail> deploymentFailed(DeploymentException e) {
    HttpStatus status = switch (e.reason()) {
      case NOT_FOUND -> deployments.connected() ? HttpStatus.NOT_FOUND : HttpStatus.SERVICE_UNAVAILABLE;
      case CONFLICT, REFUSED -> HttpStatus.CONFLICT;
      case UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case UNAUTHORIZED, FORBIDDEN, FAILED -> HttpStatus.BAD_GATEWAY;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    String kind = deployments.connected() ? e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') : "not-connected";
    problem.setTitle("Argo CD: " + kind.replace('-', ' '));
    problem.setType(URI.create("https://paved.dev/problems/argocd-" + kind));
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
  }

}
