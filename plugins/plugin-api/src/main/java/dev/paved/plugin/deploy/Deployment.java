package dev.paved.plugin.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The status of one deployed application as last reported by its deployment system.
 *
 * @param ref where it is
 * @param service the service it deploys (label {@code paved.dev/service}), or empty
 * @param environment its environment (label {@code paved.dev/environment}), or empty
 * @param project the Argo CD project
 * @param namespace the namespace it deploys into
 * @param labels the application's labels, for catalog selectors such as {@code argocd/app-selector}
 * @param sync whether the cluster matches Git
 * @param health how it is doing
 * @param healthMessage why, when the system says
 * @param operation the last sync operation, or null if there was none
 * @param revisions the deployed revision of each source (one per source, in order)
 * @param sources what it is built from
 * @param lastSyncedAt when the last sync finished, or null
 * @param autoSync whether the system syncs by itself when Git changes
 * @param images the container images running
 */
public record Deployment(DeploymentRef ref, String service, String environment, String project, String namespace,
    Map<String, String> labels, SyncStatus sync, Health health, String healthMessage, Operation operation,
    List<String> revisions, List<DeploymentSource> sources, Instant lastSyncedAt, boolean autoSync, List<String> images) {

  public Deployment {
    service = service == null ? "" : service;
    environment = environment == null ? "" : environment;
    project = project == null ? "" : project;
    namespace = namespace == null ? "" : namespace;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    healthMessage = healthMessage == null ? "" : healthMessage;
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
    sources = sources == null ? List.of() : List.copyOf(sources);
    images = images == null ? List.of() : List.copyOf(images);
  }
}
