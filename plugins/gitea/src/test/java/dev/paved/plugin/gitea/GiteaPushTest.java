package dev.paved.plugin.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.git.GitHost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pushing to a repository the Gitea host created, the way the portal's {@code publish:git} does: a first
 * commit built in an in-memory repository, pushed over smart HTTP with the host's credentials.
 */
class GiteaPushTest {
  static final String TOKEN = "9a8b7c6d5e4f30211203f4e5d6c7b8a9";

  final FakeGitea gitea = new FakeGitea(TOKEN, "acme");
  final GiteaGitHost host = new GiteaGitHost(new GiteaProperties(URI.create(gitea.url()), TOKEN, Duration.ofSeconds(5)));

  @AfterEach
  void stop() {
    host.close();
    gitea.close();
  }

  @Test
  void theFirstCommitIsPushedWithTheHostsCredentials() throws Exception {
    GitHost.Repository repository = host.create("acme", "payments", "");

    ObjectId commit = pushFirstCommit(repository, host.pushCredentials());

    try (Repository pushed = gitea.open("acme", "payments")) {
      assertThat(pushed.resolve("refs/heads/main")).isEqualTo(commit);
    }
  }

  @Test
  void aPushWithoutTheTokenIsNotAuthorized() throws Exception {
    GitHost.Repository repository = host.create("acme", "payments", "");

    assertThatThrownBy(() -> pushFirstCommit(repository, new GitHost.Credentials(FakeGitea.LOGIN, "guess")))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(repository.cloneUrl())
        .hasMessageContaining("not authorized");
  }

  @Test
  void aRefusedPushFailsWithATransportErrorNamingTheRepository() throws Exception {
    GitHost.Repository repository = host.create("acme", "payments", "");
    gitea.refusePushes();

    assertThatThrownBy(() -> pushFirstCommit(repository, host.pushCredentials()))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(repository.cloneUrl())
        .hasMessageContaining("git-receive-pack not permitted")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void aPushDroppedHalfWayFailsWithATransportErrorAndLeavesNoBranch() throws Exception {
    GitHost.Repository repository = host.create("acme", "payments", "");
    gitea.dropPushesMidway();

    assertThatThrownBy(() -> pushFirstCommit(repository, host.pushCredentials()))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(repository.cloneUrl())
        .hasMessageNotContaining(TOKEN);
    try (Repository pushed = gitea.open("acme", "payments")) {
      assertThat(pushed.resolve("refs/heads/main")).isNull(); // the created repository is left for undo to delete
    }
  }

  /** As PublishGitAction pushes: a commit made in memory, pushed to main; a rejected ref is a failure too. */
  static ObjectId pushFirstCommit(GitHost.Repository repository, GitHost.Credentials credentials) throws Exception {
    try (InMemoryRepository repo = new InMemoryRepository.Builder()
            .setRepositoryDescription(new DfsRepositoryDescription("publish")).build();
        Git git = new Git(repo);
        ObjectInserter inserter = repo.newObjectInserter()) {
      TreeFormatter tree = new TreeFormatter();
      tree.append("README.md", FileMode.REGULAR_FILE,
          inserter.insert(Constants.OBJ_BLOB, "# payments\n".getBytes(StandardCharsets.UTF_8)));
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(tree));
      PersonIdent jane = new PersonIdent("Jane", "jane@acme.example");
      commit.setAuthor(jane);
      commit.setCommitter(new PersonIdent("Paved", "paved@localhost"));
      commit.setMessage("Initial commit");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate ref = repo.updateRef("refs/heads/main");
      ref.setNewObjectId(id);
      ref.update();

      Iterable<PushResult> results = git.push().setRemote(repository.pushUrl())
          .setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"))
          .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.secret()))
          .setTimeout(10).call();
      for (PushResult result : results) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
        }
      }
      return id;
    }
  }
}
