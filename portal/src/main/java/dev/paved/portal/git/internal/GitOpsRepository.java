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
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.stereotype.Service;

/**
 * Commits to the GitOps repository: fetch its head, build the change on it, push; when the push is rejected
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
  private Repository localCopy;

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
    return commit(head -> new Edit(writes, deleteFolders), mustNotExist, message, author);
  }

  @Override
  public String commit(Change change, String message, Actor author) throws GitHostException {
    return commit(change, null, message, author);
  }

  private String commit(Change change, String mustNotExist, String message, Actor author) throws GitHostException {
    Location l = location();
    turn.lock();
    try {
      GitHost.Repository repository = ensureExists(l);
      GitHostException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          return tryCommit(l, repository, change, mustNotExist, message, author);
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

  @Override
  public Map<String, byte[]> read(String revision, String path) throws GitHostException {
    Location l = location();
    inside(path);
    if (!l.host().exists(l.owner(), l.name())) {
      return Map.of(); // made by the first golden path that commits to it
    }
    turn.lock();
    try {
      GitHost.Repository repository = l.host().locate(l.owner(), l.name());
      GitHost.Credentials credentials = l.host().pushCredentials();
      Repository repo = localCopy();
      try (Git git = new Git(repo)) {
        git.fetch().setRemote(repository.pushUrl()).setTimeout(60)
            .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.secret()))
            .setRefSpecs(new RefSpec("+refs/heads/" + BRANCH + ":refs/remotes/origin/" + BRANCH)).call();
      }
      ObjectId commit = repo.resolve(revision == null ? "refs/remotes/origin/" + BRANCH : revision + "^{commit}");
      if (commit == null) {
        throw new UnknownRevision("the GitOps repository " + repository.cloneUrl() + " has no commit "
            + (revision == null ? "on " + BRANCH : revision));
      }
      return TreeCommits.files(repo, commit, path);
    } catch (GitAPIException | JGitInternalException e) {
      throw new GitHostException("could not read the GitOps repository: " + e.getMessage(), e);
    } catch (org.eclipse.jgit.errors.MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      throw new UnknownRevision("the GitOps repository has no commit " + revision);
    } catch (IOException e) {
      throw new GitHostException("could not read the GitOps repository: " + e.getMessage(), e);
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

  /**
   * One attempt: bring the local copy up to date, build the commit on the remote's head in memory, push
   * it. The local copy is a bare repository kept next to the embedded server's folder, so each commit
   * fetches only what changed instead of cloning everything.
   */
  private String tryCommit(Location l, GitHost.Repository repository, Change change, String mustNotExist, String message,
      Actor author) throws GitHostException, Rejected {
    GitHost.Credentials credentials = l.host().pushCredentials();
    UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(credentials.username(),
        credentials.secret());
    try {
      Repository repo = localCopy();
      try (Git git = new Git(repo)) {
        ObjectId head = null;
        try {
          git.fetch().setRemote(repository.pushUrl()).setCredentialsProvider(login).setTimeout(60)
              .setRefSpecs(new RefSpec("+refs/heads/" + BRANCH + ":refs/remotes/origin/" + BRANCH)).call();
          head = repo.resolve("refs/remotes/origin/" + BRANCH);
        } catch (TransportException e) {
          if (!String.valueOf(e.getMessage()).contains("available for fetch")) {
            throw e;
          }
          // a new, empty repository: this is its first commit
        }
        ObjectId base = head;
        Edit edit = change.on(path -> {
          try {
            return base == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(TreeCommits.files(repo, base, path).get(path));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        Map<String, byte[]> writes = edit.writes();
        List<String> deleteFolders = edit.deleteFolders();
        for (String path : writes.keySet()) {
          inside(path);
        }
        for (String path : deleteFolders) {
          inside(path);
        }
        if (mustNotExist != null && TreeCommits.holdsExactly(repo, head, mustNotExist, writes)) {
          return head.name(); // an earlier try of the same change landed: nothing left to do
        }
        if (mustNotExist != null && TreeCommits.exists(repo, head, mustNotExist)) {
          throw new GitHostException("the GitOps repository already has a folder " + mustNotExist + "/; choose another"
              + " name or remove that folder", true);
        }
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(writes);
        if (head == null) {
          files.put("README.md", ("# GitOps\n\nDeployment configuration written by Paved: `<service>/<environment>/`."
              + " Argo CD deploys from here; change it through the portal or a pull request.\n").getBytes(StandardCharsets.UTF_8));
        }
        ObjectId commit = TreeCommits.commit(repo, head, files, deleteFolders, new PersonIdent(author.name(), author.email()),
            new PersonIdent("Paved", "paved@localhost"), message);
        if (head != null && TreeCommits.sameTree(repo, commit, head)) {
          return head.name();
        }
        RefUpdate local = repo.updateRef("refs/heads/" + BRANCH);
        local.setNewObjectId(commit);
        local.forceUpdate();
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
        return commit.name();
      }
    } catch (GitAPIException | JGitInternalException | org.eclipse.jgit.dircache.InvalidPathException e) {
      throw new GitHostException("could not write to the GitOps repository " + repository.cloneUrl() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new GitHostException("could not prepare the GitOps commit: " + e.getMessage(), e);
    }
  }

  @jakarta.annotation.PreDestroy
  void close() {
    if (localCopy != null) {
      localCopy.close();
    }
  }

  /** The bare local copy, created on first use (callers hold {@link #turn}). */
  private Repository localCopy() throws IOException {
    if (localCopy == null) {
      Path dir = embedded.root().resolveSibling(embedded.root().getFileName() + "-work").resolve("gitops.git");
      Files.createDirectories(dir.getParent());
      Repository repo = FileRepositoryBuilder.create(dir.toFile());
      if (!Files.exists(dir.resolve("HEAD"))) {
        repo.create(true);
      }
      localCopy = repo;
    }
    return localCopy;
  }

  private static void inside(String relative) throws GitHostException {
    Path root = Path.of("/gitops");
    Path target = root.resolve(relative).normalize();
    boolean plain = java.util.Arrays.stream(relative.split("/"))
        .noneMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git"));
    if (!plain || !target.startsWith(root) || target.equals(root) || relative.startsWith("/") || relative.contains("\\")) {
      throw new GitHostException(relative + " is not a path inside the GitOps repository", false);
    }
  }
}
