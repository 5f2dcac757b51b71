package dev.paved.portal.git.internal;

import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.portal.git.GitOps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.stereotype.Component;

/**
 * {@code publish:gitops}: commits a workspace folder (the per-environment values and Argo CD
 * applications) to the GitOps repository as {@code <service>/...}, and by default takes it out of the
 * workspace so the service repository does not carry a second copy. Undo removes the service's folder
 * with another commit.
 */
@Component
class PublishGitOpsAction implements ScaffolderAction {
  private final GitOps gitops;

  PublishGitOpsAction(GitOps gitops) {
    this.gitops = gitops;
  }

  @Override
  public String id() {
    return "publish:gitops";
  }

  @Override
  public String description() {
    return "Commits the deployment configuration to the GitOps repository, in a folder for the service";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Map.of("type", "object", "required", List.of("service"), "additionalProperties", false, "properties", Map.of(
        "service", Map.of("type", "string", "pattern", "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"),
        "sourcePath", Map.of("type", "string", "description", "the workspace folder to commit; gitops by default"),
        "removeFromWorkspace", Map.of("type", "boolean")));
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    String service = (String) context.input().get("service");
    String source = ((String) context.input().getOrDefault("sourcePath", "gitops")).replaceAll("^\\./", "")
        .replaceAll("/+$", "");
    if (source.isEmpty() || source.startsWith("/") || source.contains("..")) {
      throw new ActionException("sourcePath '" + source + "' must be a folder inside the workspace");
    }
    String prefix = source + "/";
    Map<String, byte[]> writes = new LinkedHashMap<>();
    for (String path : context.workspace().paths()) {
      if (path.startsWith(prefix)) {
        writes.put(service + "/" + path.substring(prefix.length()), context.workspace().read(path).orElseThrow());
      }
    }
    if (writes.isEmpty()) {
      throw new ActionException("the workspace has no " + prefix + " folder to commit to the GitOps repository");
    }
    String commit;
    try {
      commit = gitops.commit(writes, List.of(), service, "Add " + service + " (task " + context.taskId() + ")",
          context.actor());
    } catch (GitHostException e) {
      throw new ActionException(e.getMessage());
    }
    context.recordUndo(Map.of("service", service));
    context.log("committed " + writes.size() + " files to " + service + "/ in the GitOps repository " + gitops.cloneUrl()
        + " (" + commit.substring(0, 12) + ")");
    if (!Boolean.FALSE.equals(context.input().get("removeFromWorkspace"))) {
      context.workspace().delete(source);
    }
    context.output("gitopsUrl", gitops.cloneUrl());
    context.output("path", service + "/");
    context.output("commitHash", commit);
    context.output("applications", applications(writes));
  }

  /**
   * The Argo CD Application manifests among the committed files, for {@code argocd:create-app}: the GitOps
   * repository holds each environment's application next to its values.
   */
  static List<Map<String, Object>> applications(Map<String, byte[]> files) throws ActionException {
    List<Map<String, Object>> applications = new ArrayList<>();
    Load yaml = new Load(LoadSettings.builder().setCodePointLimit(1_000_000).build());
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (!file.getKey().endsWith(".yaml") && !file.getKey().endsWith(".yml")) {
        continue;
      }
      try {
        for (Object document : yaml.loadAllFromString(new String(file.getValue(), StandardCharsets.UTF_8))) {
          if (document instanceof Map<?, ?> map && "Application".equals(map.get("kind"))
              && String.valueOf(map.get("apiVersion")).startsWith("argoproj.io/")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) map;
            applications.add(manifest);
          }
        }
      } catch (RuntimeException e) {
        throw new ActionException(file.getKey() + " in the deployment configuration is not valid YAML: " + e.getMessage());
      }
    }
    return applications;
  }

  @Override
  public void undo(Map<String, Object> record, ActionContext context) throws ActionException {
    String service = (String) record.get("service");
    try {
      gitops.commit(Map.of(), List.of(service), null, "Remove " + service + " (undo of task " + context.taskId() + ")",
          context.actor());
    } catch (GitHostException e) {
      throw new ActionException(e.getMessage());
    }
    context.log("removed " + service + "/ from the GitOps repository");
  }
}
