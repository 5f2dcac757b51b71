package dev.paved.portal.git.internal;

import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import dev.paved.portal.git.GitProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The portal's own Git hosting: bare repositories in a folder, served to people over smart HTTP by
 * {@link EmbeddedGitServerConfiguration} and written by the portal directly in that folder.
 */
@Component
class EmbeddedGitHost implements GitHost {
  /** What a Git provider accepts as an owner or repository name, without a ".git" suffix or dots alone. */
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");

  private final Path root;
  private final boolean urlConfigured;
  private volatile String publicUrl;

  EmbeddedGitHost(GitProperties properties, Environment environment) {
    this.root = properties.embedded().root().toAbsolutePath().normalize();
    String configured = properties.embedded().publicUrl();
    this.urlConfigured = configured != null && !configured.isBlank();
    this.publicUrl = urlConfigured ? configured.replaceAll("/+$", "")
        : "http://localhost:" + environment.getProperty("server.port", "8080") + "/git";
  }

  /** Without a configured address, clone URLs use the port the server really listens on. */
  @EventListener
  void onWebServerStarted(WebServerInitializedEvent event) {
    if (!urlConfigured) {
      publicUrl = "http://localhost:" + event.getWebServer().getPort() + "/git";
    }
  }

  Path root() {
    return root;
  }

  @Override
  public String hostName() {
    return URI.create(publicUrl).getRawAuthority();
  }

  @Override
  public String id() {
    return "embedded";
  }

  @Override
  public boolean serves(String hostName) {
    return hostName().equalsIgnoreCase(hostName);
  }

  @Override
  public boolean exists(String owner, String name) throws GitHostException {
    return Files.isDirectory(folder(owner, name));
  }

  /**
   * Creates the repository in a scratch folder and moves it into place in one step, so of two requests
   * for the same name exactly one succeeds and nobody sees a half-made repository.
   */
  @Override
  public Repository create(String owner, String name, String description) throws GitHostException {
    Path target = folder(owner, name);
    Path scratch = null;
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createDirectories(root.resolve(".tmp"));
      scratch = Files.createTempDirectory(tmp, name + "-");
      try (org.eclipse.jgit.lib.Repository repo = FileRepositoryBuilder.create(scratch.toFile())) {
        repo.create(true);
        RefUpdate head = repo.updateRef("HEAD");
        head.disableRefLog();
        head.link("refs/heads/main");
        if (description != null && !description.isBlank()) {
          Files.writeString(scratch.resolve("description"), description.replaceAll("[\\r\\n]+", " ") + "\n");
        }
      }
      try {
        Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        throw new GitHostException("repository " + owner + "/" + name + " already exists on " + hostName()
            + "; choose another name", true);
      } catch (AtomicMoveNotSupportedException e) {
        throw new GitHostException("the Git folder " + root + " cannot move folders atomically", e);
      }
      scratch = null;
      return repository(owner, name);
    } catch (IOException e) {
      throw new GitHostException("could not create " + owner + "/" + name + " in " + root + ": " + e.getMessage(), e);
    } finally {
      if (scratch != null) {
        deleteQuietly(scratch);
      }
    }
  }

  @Override
  public Repository locate(String owner, String name) throws GitHostException {
    folder(owner, name); // checks the names
    return repository(owner, name);
  }

  Repository repository(String owner, String name) {
    String cloneUrl = publicUrl + "/" + owner + "/" + name + ".git";
    return new Repository(cloneUrl, cloneUrl, root.resolve(owner).resolve(name + ".git").toUri().toString());
  }

  /** The folder of one of this server's repositories, from its clone URL. */
  java.util.Optional<String> localUri(String cloneUrl) {
    String prefix = publicUrl + "/";
    if (cloneUrl == null || !cloneUrl.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    String[] parts = cloneUrl.substring(prefix.length()).split("/");
    if (parts.length != 2 || !parts[1].endsWith(".git")) {
      return java.util.Optional.empty();
    }
    try {
      Path folder = folder(parts[0], parts[1].substring(0, parts[1].length() - 4));
      return java.util.Optional.of(folder.toUri().toString());
    } catch (GitHostException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void delete(String owner, String name) throws GitHostException {
    Path target = folder(owner, name);
    try {
      FileUtils.delete(target.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      throw new GitHostException("could not delete " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Credentials pushCredentials() {
    return new Credentials("paved", ""); // the portal writes to its own folder: nothing to authenticate
  }

  private Path folder(String owner, String name) throws GitHostException {
    for (String part : new String[] {owner, name}) {
      if (part == null || !NAME.matcher(part).matches() || part.endsWith(".git") || part.equals("..")) {
        throw new GitHostException("'" + part + "' is not a valid owner or repository name: letters, digits, "
            + "'.', '_' and '-', starting with a letter or digit", false);
      }
    }
    return root.resolve(owner).resolve(name + ".git");
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      // a scratch folder left in .tmp costs disk space only
    }
  }
}
