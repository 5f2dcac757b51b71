package dev.paved.portal.git.internal;

import dev.paved.goldenpaths.engine.RepoUrl;
import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.portal.git.GitHosts;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.stereotype.Component;

/**
 * {@code publish:git}: creates the repository on the Git host the repository picker named and pushes the
 * workspace (or one folder of it) as the first commit of its default branch, authored by the user who
 * runs the task. The repository is recorded for undo as soon as it exists, so a push that fails
 * half-way can be cleaned up.
 */
@Component
class PublishGitAction implements ScaffolderAction {
  private final GitHosts hosts;

  PublishGitAction(GitHosts hosts) {
    this.hosts = hosts;
  }

  @Override
  public String id() {
    return "publish:git";
  }

  @Override
  public String description() {
    return "Creates a Git repository and pushes the workspace as its first commit";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Map.of("type", "object", "required", List.of("repoUrl"), "additionalProperties", false, "properties", Map.of(
        "repoUrl", Map.of("type", "string", "description", "host?owner=o&repo=r, as the RepoUrlPicker gives it"),
        "defaultBranch", Map.of("type", "string", "pattern", "^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$"),
        "description", Map.of("type", "string", "maxLength", 1000),
        "sourcePath", Map.of("type", "string", "description", "a folder of the workspace to publish; the whole workspace by default"),
        "gitCommitMessage", Map.of("type", "string", "maxLength", 2000)));
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    Map<String, Object> input = context.input();
    Map<String, Object> target;
    try {
      target = RepoUrl.parse((String) input.get("repoUrl"));
    } catch (IllegalArgumentException e) {
      throw new ActionException(e.getMessage());
    }
    String hostName = (String) target.get("host");
    String owner = (String) target.get("owner");
    String name = (String) target.get("repo");
    String branch = (String) input.getOrDefault("defaultBranch", "main");
    GitHost host = hosts.forHostName(hostName).orElseThrow(() -> new ActionException("no Git host is set up for "
        + hostName + "; repositories can be created on " + String.join(", ", hosts.hostNames())));
    String prefix = prefix((String) input.get("sourcePath"));
    List<String> paths = context.workspace().paths().stream().filter(p -> p.startsWith(prefix)).toList();
    if (paths.isEmpty()) {
      throw new ActionException("there is nothing to publish in " + (prefix.isEmpty() ? "the workspace" : prefix));
    }

    GitHost.Repository repository;
    try {
      if (host.exists(owner, name)) {
        repository = host.locate(owner, name);
        if (!isEmpty(host, repository)) {
          throw new ActionException("repository " + owner + "/" + name + " already exists on " + hostName
              + "; choose another name");
        }
        // an empty repository of this name is what an earlier try of this task left when its push failed
        context.log(owner + "/" + name + " exists and is empty (an earlier try created it): pushing to it");
      } else {
        repository = host.create(owner, name, (String) input.get("description"));
        context.log("created " + owner + "/" + name + " on " + hostName + " (" + host.id() + ")");
      }
    } catch (GitHostException e) {
      throw new ActionException(e.getMessage());
    }
    context.recordUndo(Map.of("host", hostName, "owner", owner, "repo", name));

    String commit = push(context, host, repository, branch, prefix, paths);
    context.log("pushed " + paths.size() + " files to " + branch + " in commit " + commit.substring(0, 12));
    context.output("remoteUrl", repository.webUrl());
    context.output("cloneUrl", repository.cloneUrl());
    context.output("repoContentsUrl", repository.webUrl());
    context.output("commitHash", commit);
    context.output("defaultBranch", branch);
  }

  /**
   * Builds the first commit in memory and pushes it: the files never touch the disk on this side, and
   * the push is the same Git protocol every host speaks.
   */
  private static String push(ActionContext context, GitHost host, GitHost.Repository repository, String branch,
      String prefix, List<String> paths) throws ActionException {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    for (String path : paths) {
      files.put(path.substring(prefix.length()), context.workspace().read(path).orElseThrow());
    }
    try (InMemoryRepository repo = new InMemoryRepository.Builder().setRepositoryDescription(
            new DfsRepositoryDescription("publish")).setFS(org.eclipse.jgit.util.FS.DETECTED).build();
        Git git = new Git(repo)) {
      PersonIdent author = new PersonIdent(context.actor().name(), context.actor().email());
      String message = (String) context.input().getOrDefault("gitCommitMessage", "Initial commit");
      ObjectId commit = TreeCommits.commit(repo, null, files, List.of(), author, new PersonIdent("Paved", "paved@localhost"),
          message);
      RefUpdate ref = repo.updateRef("refs/heads/" + branch);
      ref.setNewObjectId(commit);
      ref.update();
      GitHost.Credentials credentials = host.pushCredentials();
      Iterable<PushResult> results = git.push().setRemote(repository.pushUrl())
          .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.secret()))
          .setTimeout(60).call();
      for (PushResult result : results) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          if (update.getStatus() != RemoteRefUpdate.Status.OK) {
            throw new ActionException("the Git host refused the push of " + branch + " to " + repository.cloneUrl()
                + ": " + update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
          }
        }
      }
      return commit.name();
    } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
      throw new ActionException("could not push to " + repository.cloneUrl() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new ActionException("could not prepare the first commit: " + e.getMessage());
    }
  }

  private static boolean isEmpty(GitHost host, GitHost.Repository repository) throws ActionException {
    GitHost.Credentials credentials = host.pushCredentials();
    try {
      return Git.lsRemoteRepository().setRemote(repository.pushUrl()).setHeads(true)
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.secret()))
          .setTimeout(60).call().isEmpty();
    } catch (GitAPIException e) {
      throw new ActionException("could not look into " + repository.cloneUrl() + ": " + e.getMessage());
    }
  }

  private static String prefix(String sourcePath) throws ActionException {
    if (sourcePath == null || sourcePath.isBlank() || sourcePath.equals(".")) {
      return "";
    }
    String p = sourcePath.replaceAll("^\\./", "").replaceAll("/+$", "");
    if (p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
      throw new ActionException("sourcePath '" + sourcePath + "' must be a folder inside the workspace");
    }
    return p + "/";
  }

  @Override
  public void undo(Map<String, Object> record, ActionContext context) throws ActionException {
    String hostName = (String) record.get("host");
    String owner = (String) record.get("owner");
    String name = (String) record.get("repo");
    GitHost host = hosts.forHostName(hostName).orElseThrow(() -> new ActionException(
        "no Git host is set up for " + hostName + " any more; delete " + owner + "/" + name + " there by hand"));
    try {
      host.delete(owner, name);
    } catch (GitHostException e) {
      throw new ActionException(e.getMessage());
    }
    context.log("deleted " + owner + "/" + name + " on " + hostName);
  }
}
