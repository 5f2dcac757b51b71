package dev.paved.portal.git.internal;

import dev.paved.goldenpaths.engine.RepoUrl;
import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.git.GitHosts;
import dev.paved.portal.git.GitOps;
import dev.paved.portal.git.GitProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;
import org.springframework.stereotype.Service;

/**
 * Commits to the GitOps repository: a fresh clone, the change, a push; when the push is rejected
 * because another commit landed first (another replica, a CI job bumping an image), it starts over from
 * the new head, a few times. Within one portal, commits take turns.
 */
@Service
class GitOpsRepository implements GitOps {
  private static final int ATTEMPTS = 5;
  private static final String BRANCH = "main";

  private final GitHosts hosts;
  private final EmbeddedGitHost embedded;
  private final String configured;
  private final ReentrantLock turn = new ReentrantLock();

  GitOpsRepository(GitHosts hosts, EmbeddedGitHost embedded, GitProperties properties) {
    this.hosts = hosts;
    this.embedded = embedded;
    this.configured = properties.gitops().repoUrl();
  }

  private record Location(GitHost host, String hostName, String owner, String name) {}

  private Location location() throws GitHostException {
    String repoUrl = configured == null || configured.isBlank()
        ? embedded.hostName() + "?owner=platform&repo=gitops" : configured;
    Map<String, Object> parsed;
    try {
      parsed = RepoUrl.parse(repoUrl);
    } catch (IllegalArgumentException e) {
      throw new GitHostException("paved.git.gitops.repo-url is not usable: " + e.getMessage(), false);
    }
    String hostName = (String) parsed.get("host");
    GitHost host = hosts.forHostName(hostName).orElseThrow(() -> new GitHostException(
        "paved.git.gitops.repo-url names " + hostName + ", which is not one of the Git hosts: " + hosts.hostNames(), false));
    return new Location(host, hostName, (String) parsed.get("owner"), (String) parsed.get("repo"));
  }

  @Override
  public String cloneUrl() {
    try {
      Location l = location();
      return l.host().locate(l.owner(), l.name()).cloneUrl();
    } catch (GitHostException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public String commit(Map<String, byte[]> writes, List<String> deleteFolders, String mustNotExist, String message,
      Actor author) throws GitHostException {
    Location l = location();
    turn.lock();
    try {
      GitHost.Repository repository = ensureExists(l);
      GitHostException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          return tryCommit(l, repository, writes, deleteFolders, mustNotExist, message, author);
        } catch (Rejected e) {
          last = new GitHostException("the GitOps repository kept moving while committing (" + e.getMessage()
              + "); try again", false);
        }
      }
      throw last;
    } finally {
      turn.unlock();
    }
  }

  /** The repository, created with a README on first use. */
  private GitHost.Repository ensureExists(Location l) throws GitHostException {
    if (l.host().exists(l.owner(), l.name())) {
      return l.host().locate(l.owner(), l.name());
    }
    try {
      l.host().create(l.owner(), l.name(), "Deployment configuration: a folder per service and environment");
    } catch (GitHostException e) {
      if (!e.conflict()) {
        throw e; // a conflict means another replica created it a moment ago: use that one
      }
    }
    return l.host().locate(l.owner(), l.name());
  }

  /** A push lost to a concurrent one. */
  private static final class Rejected extends Exception {
    Rejected(String message) {
      super(message);
    }
  }

  private String tryCommit(Location l, GitHost.Repository repository, Map<String, byte[]> writes,
      List<String> deleteFolders, String mustNotExist, String message, Actor author) throws GitHostException, Rejected {
    Path work = null;
    GitHost.Credentials credentials = l.host().pushCredentials();
    UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(credentials.username(),
        credentials.secret());
    try {
      work = Files.createTempDirectory("paved-gitops-");
      Git git = Git.cloneRepository().setURI(repository.pushUrl()).setDirectory(work.toFile())
          .setCredentialsProvider(login).setTimeout(60).call();
      try (git) {
        boolean empty = git.getRepository().resolve("HEAD") == null;
        if (empty) {
          git.checkout().setOrphan(true).setName(BRANCH).call();
          Files.writeString(work.resolve("README.md"), "# GitOps\n\nDeployment configuration written by Paved: "
              + "`<service>/<environment>/`. Argo CD deploys from here; change it through the portal or a pull request.\n",
              StandardCharsets.UTF_8);
        }
        if (mustNotExist != null && Files.exists(work.resolve(mustNotExist))) {
          throw new GitHostException("the GitOps repository already has a folder " + mustNotExist + "/; choose another"
              + " name or remove that folder", true);
        }
        for (String folder : deleteFolders) {
          Path target = inside(work, folder);
          if (Files.exists(target)) {
            git.rm().addFilepattern(folder).call();
            FileUtils.delete(target.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
          }
        }
        for (Map.Entry<String, byte[]> w : writes.entrySet()) {
          Path target = inside(work, w.getKey());
          Files.createDirectories(target.getParent());
          Files.write(target, w.getValue());
        }
        git.add().addFilepattern(".").call();
        if (!empty && git.status().call().isClean()) {
          return git.getRepository().resolve("HEAD").name();
        }
        String id = git.commit().setAuthor(new PersonIdent(author.name(), author.email()))
            .setCommitter(new PersonIdent("Paved", "paved@localhost")).setMessage(message).setSign(false).call().name();
        for (PushResult result : git.push().setRemote(repository.pushUrl()).setCredentialsProvider(login)
            .setRefSpecs(new RefSpec("refs/heads/" + BRANCH + ":refs/heads/" + BRANCH)).setTimeout(60).call()) {
          for (RemoteRefUpdate update : result.getRemoteUpdates()) {
            switch (update.getStatus()) {
              case OK, UP_TO_DATE -> { }
              case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED, REJECTED_OTHER_REASON, REJECTED_NODELETE ->
                  throw new Rejected(update.getStatus() + (update.getMessage() == null ? "" : ": " + update.getMessage()));
              default -> throw new GitHostException("the GitOps repository " + repository.cloneUrl()
                  + " refused the push: " + update.getStatus(), false);
            }
          }
        }
        return id;
      }
    } catch (GitAPIException | JGitInternalException e) {
      throw new GitHostException("could not write to the GitOps repository " + repository.cloneUrl() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new GitHostException("could not prepare the GitOps commit: " + e.getMessage(), e);
    } finally {
      if (work != null) {
        try {
          FileUtils.delete(work.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
          // a leftover temporary folder costs disk space only
        }
      }
    }
  }

  private static Path inside(Path work, String relative) throws GitHostException {
    Path target = work.resolve(relative).normalize();
    if (!target.startsWith(work) || target.equals(work) || relative.startsWith(".git")) {
      throw new GitHostException(relative + " is not a path inside the GitOps repository", false);
    }
    return target;
  }
}
