package dev.paved.goldenpaths.engine.actions;

import dev.paved.goldenpaths.engine.RepoUrl;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code git:resolve}: where a repository chosen with the repository picker will be cloned from and
 * looked at, before it exists, so the skeleton can name it (Argo CD applications, catalog annotations).
 * The portal knows its Git hosts and answers for them; elsewhere (the test kit) the usual
 * {@code https://<host>/<owner>/<repo>.git} is assumed. It also gives the GitOps repository's address
 * ({@code gitopsCloneUrl}), which Argo CD applications read their values from.
 */
public final class GitResolveAction implements ScaffolderAction {

  /** Knows the addresses of repositories on the configured Git hosts. */
  @FunctionalInterface
  public interface Resolver {
    /** The clone and web URL of a repository on a known host, or empty for an unknown host. */
    Optional<Urls> urls(String host, String owner, String repo);

    /** The GitOps repository's clone URL, when the caller knows it. */
    default Optional<String> gitopsCloneUrl() {
      return Optional.empty();
    }
  }

  /** A repository's addresses. */
  public record Urls(String cloneUrl, String webUrl) {}

  private final Resolver resolver;

  public GitResolveAction(Resolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String id() {
    return "git:resolve";
  }

  @Override
  public String description() {
    return "Works out a repository's clone and web address from the repository picker, without creating it";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Map.of("type", "object", "required", List.of("repoUrl"), "additionalProperties", false,
        "properties", Map.of("repoUrl", Map.of("type", "string")));
  }

  @Override
  public boolean supportsDryRun() {
    return true;
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    Map<String, Object> repo;
    try {
      repo = RepoUrl.parse((String) context.input().get("repoUrl"));
    } catch (IllegalArgumentException e) {
      throw new ActionException(e.getMessage());
    }
    String host = (String) repo.get("host");
    String owner = (String) repo.get("owner");
    String name = (String) repo.get("repo");
    Urls urls = resolver.urls(host, owner, name).orElse(new Urls("https://" + host + "/" + owner + "/" + name + ".git",
        "https://" + host + "/" + owner + "/" + name));
    context.output("host", host);
    context.output("owner", owner);
    context.output("repo", name);
    context.output("cloneUrl", urls.cloneUrl());
    context.output("webUrl", urls.webUrl());
    // where the deployment configuration goes (publish:gitops); Argo CD reads the values from there
    context.output("gitopsCloneUrl", resolver.gitopsCloneUrl().orElse("https://" + host + "/platform/gitops.git"));
    context.log(owner + "/" + name + " will be cloned from " + urls.cloneUrl());
  }
}
