package dev.paved.portal.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;

/**
 * A real Git server for tests: JGit's smart-HTTP {@link GitServlet} in an embedded Tomcat on
 * 127.0.0.1, serving bare repositories from a folder. Content is pushed to it with the real {@code git}
 * command line, as a developer would.
 */
public final class TestGitServer implements AutoCloseable {
  private final Tomcat tomcat;
  private final Path repositories;
  private final Path workspaces;
  private final int port;

  public TestGitServer() {
    try {
      Path base = Files.createTempDirectory("paved-git-");
      repositories = Files.createDirectories(base.resolve("repos"));
      workspaces = Files.createDirectories(base.resolve("work"));
      tomcat = new Tomcat();
      tomcat.setBaseDir(base.resolve("tomcat").toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      Context context = tomcat.addContext("", base.toString());
      GitServlet servlet = new GitServlet();
      servlet.setRepositoryResolver(new FileResolver<>(repositories.toFile(), true));
      servlet.setReceivePackFactory((request, db) -> new ReceivePack(db));
      Tomcat.addServlet(context, "git", servlet);
      context.addServletMappingDecoded("/git/*", "git");
      tomcat.start();
      port = tomcat.getConnector().getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The clone URL of a repository on this server. */
  public String url(String name) {
    return "http://127.0.0.1:" + port + "/git/" + name + ".git";
  }

  /** Creates a bare repository and pushes a first commit with the given files to {@code main}. */
  public void create(String name, Map<String, String> files) {
    try (Repository repo = FileRepositoryBuilder.create(repositories.resolve(name + ".git").toFile())) {
      repo.create(true);
      repo.getConfig().setBoolean("http", null, "receivepack", true);
      repo.getConfig().save();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path work = workspaces.resolve(name);
    git(workspaces, "clone", "-q", url(name), work.toString());
    git(work, "checkout", "-q", "-b", "main");
    commit(name, files, "first commit");
  }

  /**
   * Writes (or, with a {@code null} content, deletes) files in a clone, commits and pushes with the git
   * command line.
   */
  public void commit(String name, Map<String, String> files, String message) {
    Path work = workspaces.resolve(name);
    try {
      for (var e : files.entrySet()) {
        Path file = work.resolve(e.getKey());
        if (e.getValue() == null) {
          Files.deleteIfExists(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.writeString(file, e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git(work, "add", "-A");
    git(work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    git(work, "push", "-q", "origin", "HEAD:main");
  }

  private static void git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For tests that need a path on disk. */
  public File repositoryFolder(String name) {
    return repositories.resolve(name + ".git").toFile();
  }
}
