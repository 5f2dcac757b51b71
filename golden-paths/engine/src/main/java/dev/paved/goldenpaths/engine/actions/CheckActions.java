package dev.paved.goldenpaths.engine.actions;

import dev.paved.goldenpaths.engine.HelmCheck;
import dev.paved.goldenpaths.engine.PolicyCheck;
import dev.paved.goldenpaths.engine.SkeletonRenderer.RenderedFile;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.plugin.scaffolder.Workspace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code helm:lint} and {@code policy:check}: validations of what a golden path produced. */
public final class CheckActions {
  private CheckActions() {}

  static List<RenderedFile> files(Workspace workspace) {
    List<RenderedFile> out = new ArrayList<>();
    for (String p : workspace.paths()) {
      out.add(new RenderedFile(p, workspace.read(p).orElseThrow()));
    }
    return out;
  }

  /** Lints the chart and renders it per environment; outputs {@code manifests} (environment to YAML). */
  public static ScaffolderAction helmLint() {
    return new ScaffolderAction() {
      @Override
      public String id() {
        return "helm:lint";
      }

      @Override
      public String description() {
        return "Lints the rendered Helm chart and templates it with each environment's values";
      }

      @Override
      public Map<String, Object> inputSchema() {
        return Schemas.parse("""
            {"type": "object", "required": ["chart"], "additionalProperties": false, "properties": {
              "chart": {"type": "string"},
              "values": {"type": "object", "additionalProperties": {"type": "string"}}}}
            """);
      }

      @Override
      public boolean supportsDryRun() {
        return true;
      }

      @Override
      public void run(ActionContext context) throws ActionException {
        @SuppressWarnings("unchecked")
        Map<String, String> values = context.input().get("values") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        HelmCheck.Report report = HelmCheck.check(files(context.workspace()), (String) context.input().get("chart"), values);
        report.lintMessages().forEach(context::log);
        report.errors().forEach((env, error) -> context.log(env + ": " + error));
        context.output("lint", report.lintMessages());
        context.output("manifests", report.manifests());
        if (!report.ok()) {
          throw new ActionException("the chart does not pass helm lint or does not render for "
              + (report.errors().isEmpty() ? "its default values" : String.join(", ", report.errors().keySet())));
        }
        context.log("the chart in " + context.input().get("chart") + "/ lints and renders with the values of "
            + String.join(", ", values.keySet()));
      }
    };
  }

  /** Checks the workspace's manifests and Dockerfiles, and any {@code manifests} given (from helm:lint). */
  public static ScaffolderAction policyCheck() {
    return new ScaffolderAction() {
      @Override
      public String id() {
        return "policy:check";
      }

      @Override
      public String description() {
        return "Checks workloads for resources, probes, non-root, pinned images and no host namespaces";
      }

      @Override
      public Map<String, Object> inputSchema() {
        return Schemas.parse("""
            {"type": "object", "additionalProperties": false, "properties": {
              "manifests": {"type": "object", "additionalProperties": {"type": "string"}},
              "exclude": {"type": "array", "items": {"type": "string"}}}}
            """);
      }

      @Override
      public boolean supportsDryRun() {
        return true;
      }

      @Override
      public void run(ActionContext context) throws ActionException {
        @SuppressWarnings("unchecked")
        List<String> exclude = context.input().get("exclude") instanceof List<?> l ? (List<String>) l : List.of();
        List<RenderedFile> files = new ArrayList<>();
        for (RenderedFile f : files(context.workspace())) {
          if (exclude.stream().noneMatch(e -> f.path().startsWith(e))) {
            files.add(f);
          }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> manifests = context.input().get("manifests") instanceof Map<?, ?> m
            ? (Map<String, String>) m : new LinkedHashMap<>();
        manifests.forEach((env, yaml) -> files.add(new RenderedFile("helm-template(" + env + ")",
            yaml.getBytes(StandardCharsets.UTF_8))));
        List<PolicyCheck.Violation> violations = PolicyCheck.check(files);
        violations.forEach(v -> context.log(v.toString()));
        context.output("violations", violations.stream().map(PolicyCheck.Violation::toString).toList());
        if (!violations.isEmpty()) {
          throw new ActionException(violations.size() + " policy violations; see the log");
        }
        context.log("every workload passes the policy checks");
      }
    };
  }
}
