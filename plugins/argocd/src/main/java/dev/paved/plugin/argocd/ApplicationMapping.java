package dev.paved.plugin.argocd;

import dev.paved.plugin.argocd.client.model.V1alpha1Application;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationSource;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationSpec;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationStatus;
import dev.paved.plugin.argocd.client.model.V1alpha1InfoItem;
import dev.paved.plugin.argocd.client.model.V1alpha1OperationState;
import dev.paved.plugin.argocd.client.model.V1alpha1ResourceNode;
import dev.paved.plugin.argocd.client.model.V1alpha1ResourceRef;
import dev.paved.plugin.argocd.client.model.V1alpha1RevisionHistory;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentSource;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.deploy.Operation;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.deploy.SyncStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns Argo CD's JSON (the generated model) into the plugin API's records. */
final class ApplicationMapping {
  static final String SERVICE_LABEL = "paved.dev/service";
  static final String ENVIRONMENT_LABEL = "paved.dev/environment";

  private ApplicationMapping() {}

  static Deployment deployment(String instance, V1alpha1Application app) {
    V1alpha1ApplicationSpec spec = Optional.ofNullable(app.getSpec()).orElseGet(V1alpha1ApplicationSpec::new);
    V1alpha1ApplicationStatus status = Optional.ofNullable(app.getStatus()).orElseGet(V1alpha1ApplicationStatus::new);
    Map<String, String> labels = app.getMetadata() == null || app.getMetadata().getLabels() == null ? Map.of()
        : app.getMetadata().getLabels();
    List<String> revisions = new ArrayList<>();
    if (status.getSync() != null) {
      if (status.getSync().getRevisions() != null && !status.getSync().getRevisions().isEmpty()) {
        revisions.addAll(status.getSync().getRevisions());
      } else if (status.getSync().getRevision() != null) {
        revisions.add(status.getSync().getRevision());
      }
    }
    return new Deployment(new DeploymentRef(instance, app.getMetadata().getName()),
        labels.getOrDefault(SERVICE_LABEL, ""), labels.getOrDefault(ENVIRONMENT_LABEL, ""), spec.getProject(),
        spec.getDestination() == null ? "" : spec.getDestination().getNamespace(), labels,
        SyncStatus.of(status.getSync() == null ? null : status.getSync().getStatus()),
        Health.of(status.getHealth() == null ? null : status.getHealth().getStatus()),
        status.getHealth() == null ? "" : status.getHealth().getMessage(), operation(status.getOperationState()),
        revisions, sources(spec.getSources(), spec.getSource()),
        status.getOperationState() == null ? null : time(status.getOperationState().getFinishedAt()),
        spec.getSyncPolicy() != null && spec.getSyncPolicy().getAutomated() != null
            && !Boolean.FALSE.equals(spec.getSyncPolicy().getAutomated().getEnabled()),
        status.getSummary() == null || status.getSummary().getImages() == null ? List.of() : status.getSummary().getImages());
  }

  static List<DeploymentSource> sources(List<V1alpha1ApplicationSource> many, V1alpha1ApplicationSource one) {
    List<DeploymentSource> sources = new ArrayList<>();
    if (many != null && !many.isEmpty()) {
      many.forEach(source -> sources.add(source(source)));
    } else if (one != null) {
      sources.add(source(one));
    }
    return sources;
  }

  private static DeploymentSource source(V1alpha1ApplicationSource source) {
    List<String> valueFiles = source.getHelm() == null || source.getHelm().getValueFiles() == null ? List.of()
        : source.getHelm().getValueFiles();
    return new DeploymentSource(source.getRepoURL(), source.getPath(), source.getTargetRevision(), source.getRef(), valueFiles);
  }

  static HistoryEntry history(V1alpha1RevisionHistory entry) {
    List<String> revisions = entry.getRevisions() != null && !entry.getRevisions().isEmpty() ? entry.getRevisions()
        : entry.getRevision() == null ? List.of() : List.of(entry.getRevision());
    return new HistoryEntry(entry.getId() == null ? -1 : entry.getId(), revisions,
        sources(entry.getSources(), entry.getSource()), time(entry.getDeployedAt()),
        entry.getInitiatedBy() == null ? "" : Boolean.TRUE.equals(entry.getInitiatedBy().getAutomated()) ? "automated"
            : Optional.ofNullable(entry.getInitiatedBy().getUsername()).orElse(""));
  }

  static ResourceNode node(V1alpha1ResourceNode node) {
    Map<String, String> info = new LinkedHashMap<>();
    if (node.getInfo() != null) {
      for (V1alpha1InfoItem item : node.getInfo()) {
        if (item.getName() != null) {
          info.put(item.getName(), Optional.ofNullable(item.getValue()).orElse(""));
        }
      }
    }
    List<String> parents = node.getParentRefs() == null ? List.of()
        : node.getParentRefs().stream().map(V1alpha1ResourceRef::getUid).filter(uid -> uid != null).toList();
    return new ResourceNode(node.getUid(), node.getGroup(), node.getVersion(), node.getKind(), node.getNamespace(),
        node.getName(), parents, Health.of(node.getHealth() == null ? null : node.getHealth().getStatus()),
        node.getHealth() == null ? "" : node.getHealth().getMessage(), node.getImages(), info, time(node.getCreatedAt()));
  }

  private static Operation operation(V1alpha1OperationState state) {
    if (state == null) {
      return null;
    }
    String initiatedBy = "";
    if (state.getOperation() != null && state.getOperation().getInitiatedBy() != null) {
      initiatedBy = Boolean.TRUE.equals(state.getOperation().getInitiatedBy().getAutomated()) ? "automated"
          : Optional.ofNullable(state.getOperation().getInitiatedBy().getUsername()).orElse("");
    }
    return new Operation(state.getPhase(), state.getMessage(), time(state.getStartedAt()), time(state.getFinishedAt()),
        initiatedBy);
  }

  /** Kubernetes times are RFC 3339; Argo CD writes the zero time for "never". */
  static Instant time(String text) {
    if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
