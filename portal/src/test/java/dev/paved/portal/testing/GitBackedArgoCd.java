package dev.paved.portal.testing;

import dev.paved.plugin.argocd.FakeArgoCd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Argo CD that reads the portal's embedded Git server the way Argo CD reads real repositories: a sync
 * deploys the commit a branch points at, and revision metadata is the commit's author, date and message. So
 * history and rollback in tests work on the GitOps commits the portal really made.
 */
public final class GitBackedArgoCd {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GitBackedArgoCd() {}

  /** A started fake reading repositories under the embedded server's folder. */
  public static FakeArgoCd start(Supplier<Path> gitRoot) {
    FakeArgoCd argo = new FakeArgoCd();
    argo.resolveRevisionsWith((repo, ref) -> head(gitRoot.get(), repo, ref));
    argo.describeCommitsWith((repo, revision) -> describe(gitRoot.get(), repo, revision));
    return argo;
  }

  /** The bare repository of the embedded server a clone address points at, or null for another host. */
  private static Path bare(Path gitRoot, String cloneUrl) {
    int at = cloneUrl.indexOf("/git/");
    return at < 0 ? null : gitRoot.resolve(cloneUrl.substring(at + 5));
  }

  private static String head(Path gitRoot, String cloneUrl, String ref) {
    Path dir = bare(gitRoot, cloneUrl);
    if (dir == null || !Files.isDirectory(dir)) {
      return standIn(cloneUrl + "@" + ref);
    }
    try (Repository repo = FileRepositoryBuilder.create(dir.toFile())) {
      ObjectId id = repo.resolve("refs/heads/" + (ref == null || ref.isEmpty() || ref.equals("HEAD") ? "main" : ref));
      return id == null ? standIn(cloneUrl + "@" + ref) : id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode describe(Path gitRoot, String cloneUrl, String revision) {
    Path dir = bare(gitRoot, cloneUrl);
    if (dir == null || !Files.isDirectory(dir)) {
      return null;
    }
    try (Repository repo = FileRepositoryBuilder.create(dir.toFile()); RevWalk walk = new RevWalk(repo)) {
      ObjectId id = repo.resolve(revision);
      if (id == null) {
        return null;
      }
      RevCommit commit = walk.parseCommit(id);
      return JSON.createObjectNode()
          .put("author", commit.getAuthorIdent().getName() + " <" + commit.getAuthorIdent().getEmailAddress() + ">")
          .put("date", Instant.ofEpochSecond(commit.getCommitTime()).toString()).put("message", commit.getFullMessage());
    } catch (IOException e) {
      return null;
    }
  }

  /** A commit id for repositories the portal does not serve. */
  private static String standIn(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
