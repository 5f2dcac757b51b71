package dev.paved.plugin.argocd;

import dev.paved.plugin.argocd.client.model.V1alpha1Application;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationDestination;
import dev.paved.plugin.argocd.client.model.V1alpha1SyncPolicy;
import dev.paved.plugin.argocd.client.model.V1alpha1SyncPolicyAutomated;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code argocd:create-app}: creates (or updates) one Argo CD application per environment from the
 * Application manifests a golden path produced (the ones {@code publish:gitops} committed), on the instance
 * that deploys that environment, in the configured project and destination namespace, with the environment's
 * sync policy. Undo deletes the applications it created (with their resources) and puts back the ones it
 * changed.
 *
 * <p>Without any Argo CD configured the step says so and changes nothing: the manifests stay in the GitOps
 * repository, ready for an Argo CD that is connected later (or for an app-of-apps that reads them).
 */
public final class CreateApplicationAction implements ScaffolderAction {
  private final ArgoCdProperties properties;
  private final Optional<ArgoCdDeploymentTarget> target;

  public CreateApplicationAction(ArgoCdProperties properties, Optional<ArgoCdDeploymentTarget> target) {
    this.properties = properties;
    this.target = target;
  }

  @Override
  public String id() {
    return "argocd:create-app";
  }

  @Override
  public String description() {
    return "Creates an Argo CD application per environment from the golden path's Application manifests";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Map.of("type", "object", "required", List.of("applications"), "additionalProperties", false, "properties", Map.of(
        "applications", Map.of("type", "array", "maxItems", 20, "description",
            "Argo CD Application manifests, such as steps.gitops.output.applications",
            "items", Map.of("type", "object", "required", List.of("metadata", "spec"))),
        "service", Map.of("type", "string", "pattern", "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$",
            "description", "the service every application must be labelled with (paved.dev/service)")));
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> manifests = (List<Map<String, Object>>) context.input().get("applications");
    if (target.isEmpty()) {
      context.log("No Argo CD is connected, so no application was created. The " + manifests.size()
          + " Application manifests are in the GitOps repository; connect an Argo CD (paved.plugins.argocd.instances) "
          + "and run this golden path's deployment again, or let an app-of-apps apply them.");
      context.output("applications", List.of());
      return;
    }
    List<Map<String, Object>> created = new ArrayList<>();
    String expected = (String) context.input().get("service");
    for (Map<String, Object> manifest : manifests) {
      V1alpha1Application app = application(manifest);
      String name = app.getMetadata().getName();
      String service = labels(app).getOrDefault(ApplicationMapping.SERVICE_LABEL, "");
      if (service.isEmpty() || (expected != null && !expected.equals(service))) {
        throw new ActionException("the Application " + name + " must carry the label " + ApplicationMapping.SERVICE_LABEL
            + ": " + (expected == null ? "<service>" : expected) + ", so the portal knows whose it is");
      }
      String environment = environment(app);
      String instance = properties.instanceFor(environment);
      if (instance == null) {
        throw new ActionException("no Argo CD instance deploys the environment '" + environment + "' of " + name
            + ": list it under paved.plugins.argocd.instances.<name>.environments");
      }
      adapt(app, environment, instance);
      created.add(apply(context, instance, app, service));
    }
    context.output("applications", created);
  }

  private Map<String, Object> apply(ActionContext context, String instance, V1alpha1Application app, String service)
      throws ActionException {
    String name = app.getMetadata().getName();
    try {
      ArgoCdClient client = target.get().client(instance);
      Optional<V1alpha1Application> existing = find(client, name);
      if (existing.isPresent()) {
        String owner = labels(existing.get()).getOrDefault(ApplicationMapping.SERVICE_LABEL, "");
        if (owner.isEmpty() || !owner.equals(service)) {
          throw new ActionException("Argo CD " + instance + " already has an application " + name
              + (owner.isEmpty() ? " that no golden path made" : " of the service " + owner)
              + "; choose another service name or delete that application first");
        }
      }
      // recorded before the call: a create that times out may still have happened, and undo tolerates absence
      Map<String, Object> record = new HashMap<>();
      record.put("instance", instance);
      record.put("name", name);
      existing.ifPresent(before -> record.put("previous", ArgoCdClient.JSON.convertValue(withoutStatus(before), Map.class)));
      context.recordUndo(record);
      client.call((existing.isPresent() ? "update " : "create ") + "the application " + name,
          api -> api.applicationServiceCreate(app, true, null));
      context.log((existing.isPresent() ? "updated" : "created") + " the Argo CD application " + name + " on " + instance
          + " (project " + app.getSpec().getProject() + ", namespace " + app.getSpec().getDestination().getNamespace()
          + ", " + (app.getSpec().getSyncPolicy() != null && app.getSpec().getSyncPolicy().getAutomated() != null
          ? "syncs automatically" : "syncs when asked") + ")");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("instance", instance);
      out.put("name", name);
      out.put("environment", environment(app));
      return out;
    } catch (DeploymentException e) {
      throw new ActionException(e.getMessage());
    }
  }

  @Override
  public void undo(Map<String, Object> record, ActionContext context) throws ActionException {
    String instance = (String) record.get("instance");
    String name = (String) record.get("name");
    try {
      ArgoCdClient client = target.orElseThrow(() -> new ActionException("Argo CD is no longer configured, so the "
          + "application " + name + " on " + instance + " cannot be removed from here; delete it in Argo CD")).client(instance);
      Object previous = record.get("previous");
      if (previous != null) {
        V1alpha1Application before = ArgoCdClient.JSON.convertValue(previous, V1alpha1Application.class);
        client.call("restore the application " + name, api -> api.applicationServiceCreate(before, true, null));
        context.log("put back the Argo CD application " + name + " on " + instance + " as it was");
        return;
      }
      try {
        client.call("delete the application " + name,
            api -> api.applicationServiceDelete(name, true, "foreground", null, null));
        context.log("deleted the Argo CD application " + name + " on " + instance + " with its resources");
      } catch (DeploymentException e) {
        if (e.reason() != DeploymentException.Reason.NOT_FOUND) {
          throw e;
        }
        context.log("the Argo CD application " + name + " on " + instance + " was already gone");
      }
    } catch (DeploymentException e) {
      throw new ActionException(e.getMessage());
    }
  }

  private Optional<V1alpha1Application> find(ArgoCdClient client, String name) throws DeploymentException {
    try {
      return Optional.of(client.call("read the application " + name,
          api -> api.applicationServiceGet(name, null, null, null, null)));
    } catch (DeploymentException e) {
      if (e.reason() == DeploymentException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private V1alpha1Application application(Map<String, Object> manifest) throws ActionException {
    if (!"Application".equals(manifest.get("kind")) || !String.valueOf(manifest.get("apiVersion")).startsWith("argoproj.io/")) {
      throw new ActionException("an entry of 'applications' is not an Argo CD Application (kind " + manifest.get("kind")
          + ", apiVersion " + manifest.get("apiVersion") + ")");
    }
    V1alpha1Application app;
    try {
      app = ArgoCdClient.JSON.convertValue(manifest, V1alpha1Application.class);
    } catch (RuntimeException e) {
      throw new ActionException("an Application manifest cannot be read: " + e.getMessage());
    }
    if (app.getMetadata() == null || app.getMetadata().getName() == null
        || !app.getMetadata().getName().matches("[a-z0-9]([-a-z0-9]{0,251}[a-z0-9])?")) {
      throw new ActionException("an Application manifest has no usable metadata.name");
    }
    if (app.getSpec() == null || app.getSpec().getDestination() == null) {
      throw new ActionException("the Application " + app.getMetadata().getName() + " has no spec.destination");
    }
    return app;
  }

  private void adapt(V1alpha1Application app, String environment, String instance) {
    ArgoCdProperties.Instance config = properties.instances().get(instance);
    app.getMetadata().setNamespace(config.namespace());
    if (!config.project().isEmpty()) {
      app.getSpec().setProject(config.project());
    }
    if (!properties.destinationNamespace().isEmpty()) {
      String service = labels(app).getOrDefault(ApplicationMapping.SERVICE_LABEL, app.getMetadata().getName());
      V1alpha1ApplicationDestination destination = app.getSpec().getDestination();
      destination.setNamespace(properties.destinationNamespace().replace("{service}", service)
          .replace("{environment}", environment));
    }
    String policy = properties.syncPolicy().get(environment);
    if (policy != null) {
      V1alpha1SyncPolicy sync = Optional.ofNullable(app.getSpec().getSyncPolicy()).orElseGet(V1alpha1SyncPolicy::new);
      sync.setAutomated("automated".equals(policy) ? new V1alpha1SyncPolicyAutomated().prune(true).selfHeal(true) : null);
      app.getSpec().setSyncPolicy(sync);
    }
  }

  private static String environment(V1alpha1Application app) {
    String label = labels(app).get(ApplicationMapping.ENVIRONMENT_LABEL);
    if (label != null && !label.isBlank()) {
      return label;
    }
    String name = app.getMetadata().getName();
    return name.contains("-") ? name.substring(name.lastIndexOf('-') + 1) : name;
  }

  private static Map<String, String> labels(V1alpha1Application app) {
    return app.getMetadata() == null || app.getMetadata().getLabels() == null ? Map.of() : app.getMetadata().getLabels();
  }

  private static V1alpha1Application withoutStatus(V1alpha1Application app) {
    V1alpha1Application copy = ArgoCdClient.JSON.convertValue(ArgoCdClient.JSON.convertValue(app, Map.class),
        V1alpha1Application.class);
    copy.setStatus(null);
    copy.setOperation(null);
    copy.getMetadata().setResourceVersion(null);
    copy.getMetadata().setManagedFields(null);
    return copy;
  }
}
