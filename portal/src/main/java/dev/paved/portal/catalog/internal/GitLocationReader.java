package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.LocationReader;
import dev.paved.plugin.catalog.SourceFile;
import dev.paved.plugin.catalog.SourceSnapshot;
import dev.paved.portal.catalog.CatalogProperties;
import dev.paved.portal.catalog.GitTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FileUtils;

/**
 * Reads descriptors from a branch of a Git repository with JGit. Each repository is kept as a shallow
 * bare clone in the cache folder and fetched on every refresh; files are read straight from the commit's
 * tree, so nothing is checked out and no path can leave the repository.
 */
final class GitLocationReader implements LocationReader {
  private final CatalogProperties.Git settings;
  private final long maxFileSize;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** The portal's own repositories, read from their folders rather than over HTTP. */
  private final java.util.function.Function<String, java.util.Optional<String>> ownRepositories;

  GitLocationReader(CatalogProperties.Git settings, long maxFileSize,
      java.util.function.Function<String, java.util.Optional<String>> ownRepositories) {
    this.settings = settings;
    this.maxFileSize = maxFileSize;
    this.ownRepositories = ownRepositories;
  }

  @Override
  public String type() {
    return "git";
  }

  @Override
  public void checkTarget(String target) throws LocationException {
    GitTarget git = parse(target);
    if (ownRepositories.apply(git.repositoryUrl()).isPresent()) {
      return; // the embedded Git server's: always readable, whatever the host rules say
    }
    if (git.isFileUrl() && !settings.allowFileUrls()) {
      throw new LocationException("file:// repositories are not allowed here; register the repository by its "
          + "https:// URL (or set paved.catalog.git.allow-file-urls on a single-machine installation)");
    }
    if (!git.isFileUrl() && !settings.allowedHosts().isEmpty() && !settings.allowedHosts().contains(git.host())) {
      throw new LocationException("Git host '" + git.host() + "' is not one the catalog may read from ("
          + String.join(", ", settings.allowedHosts()) + "); ask an administrator to add it to "
          + "paved.catalog.git.allowed-hosts");
    }
    if (!git.isFileUrl() && !settings.allowedHosts().contains(git.host())) {
      refuseInternalAddresses(git.host());
    }
  }

  /**
   * Cloud metadata services and other link-local addresses answer any process on the machine, credentials
   * included: a location pointing there would make the portal fetch them (SSRF). Listing the host in
   * {@code paved.catalog.git.allowed-hosts} is the deliberate way around this.
   */
  private static void refuseInternalAddresses(String host) throws LocationException {
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      for (java.net.InetAddress address : java.net.InetAddress.getAllByName(name)) {
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
            || "fd00:ec2:0:0:0:0:0:254".equals(address.getHostAddress())) {
          throw new LocationException("Git host '" + host + "' resolves to " + address.getHostAddress() + ", a"
              + " link-local or metadata address the catalog never reads from; if it really hosts Git, list it in"
              + " paved.catalog.git.allowed-hosts");
        }
      }
    } catch (java.net.UnknownHostException e) {
      // nothing to reach: the fetch fails and says so
    }
  }

  /**
   * Opens the branch's current commit from the cache, fetching first. The repository stays locked
   * until the snapshot is closed, so no other refresh can replace the cache while it is being read.
   */
  @Override
  public SourceSnapshot open(String target) throws LocationException {
    checkTarget(target);
    GitTarget git = parse(target);
    ReentrantLock lock = locks.computeIfAbsent(git.repositoryUrl() + "#" + git.branch(), k -> new ReentrantLock());
    lock.lock();
    Path dir = settings.cacheDir().resolve(FileLocationReader.sha256(
        (git.repositoryUrl() + "#" + git.branch()).getBytes(StandardCharsets.UTF_8)).substring(0, 24));
    try {
      return snapshot(git, fetch(git, dir), lock::unlock);
    } catch (LocationException | RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /**
   * A preview reads a repository that may never be registered: it is cloned into a temporary folder that
   * is deleted when the preview is done, so previews do not fill the cache.
   */
  @Override
  public SourceSnapshot preview(String target) throws LocationException {
    checkTarget(target);
    GitTarget git = parse(target);
    Path tmp;
    try {
      Files.createDirectories(settings.cacheDir());
      tmp = Files.createTempDirectory(settings.cacheDir(), "preview-");
    } catch (IOException e) {
      throw new LocationException("could not create a working folder under " + settings.cacheDir() + ": " + e.getMessage(), e);
    }
    Runnable cleanUp = () -> {
      try {
        FileUtils.delete(tmp.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
      } catch (IOException e) {
        // a leftover preview folder costs disk space only
      }
    };
    try {
      return snapshot(git, fetch(git, tmp.resolve("repo")), cleanUp);
    } catch (LocationException | RuntimeException e) {
      cleanUp.run();
      throw e;
    }
  }

  private SourceSnapshot snapshot(GitTarget git, Repository repo, Runnable onClose) throws LocationException {
    {
      try {
        ObjectId head = repo.resolve("refs/heads/" + git.branch());
        if (head == null) {
          throw new LocationException("branch '" + git.branch() + "' was not found in " + git.repositoryUrl());
        }
        RevCommit commit;
        try (RevWalk walk = new RevWalk(repo)) {
          commit = walk.parseCommit(head);
        }
        List<String> entries = entries(repo, commit, git);
        return new Snapshot(repo, commit, git, entries, onClose);
      } catch (IOException e) {
        repo.close();
        throw new LocationException("could not read " + git + ": " + e.getMessage(), e);
      } catch (LocationException | RuntimeException e) {
        repo.close();
        throw e;
      }
    }
  }

  private Repository fetch(GitTarget git, Path dir) throws LocationException {
    int timeout = (int) Math.max(1, settings.timeout().toSeconds());
    String branchRef = "refs/heads/" + git.branch();
    try {
      if (Files.isDirectory(dir.resolve("objects"))) {
        Git existing = Git.open(dir.toFile());
        try {
          existing.fetch().setRemote(sourceUri(git)).setRefSpecs("+" + branchRef + ":" + branchRef)
              .setDepth(1).setTimeout(timeout).call();
          return existing.getRepository();
        } catch (TransportException e) {
          existing.close();
          throw e;
        } catch (GitAPIException | RuntimeException e) {
          // a damaged cache is not the user's problem: start again from a fresh clone
          existing.close();
          FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
      }
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), "clone-");
      try (Git cloned = Git.cloneRepository().setURI(sourceUri(git)).setDirectory(tmp.toFile())
          .setBare(true).setBranchesToClone(List.of(branchRef)).setBranch(branchRef)
          .setDepth(1).setTimeout(timeout).call()) {
        // only a complete clone takes the cache slot
      } catch (GitAPIException | RuntimeException e) {
        FileUtils.delete(tmp.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
        throw e;
      }
      Files.move(tmp, dir);
      return Git.open(dir.toFile()).getRepository();
    } catch (TransportException e) {
      throw new LocationException(unreachable(git, e), e);
    } catch (GitAPIException e) {
      throw new LocationException("could not fetch " + git.repositoryUrl() + " (branch " + git.branch() + "): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new LocationException("could not store a copy of " + git.repositoryUrl() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LocationException("could not fetch " + git.repositoryUrl() + ": " + e.getMessage(), e);
    }
  }

  private String sourceUri(GitTarget git) {
    return ownRepositories.apply(git.repositoryUrl()).orElse(git.repositoryUrl());
  }

  private static String unreachable(GitTarget git, TransportException e) {
    String reason = e.getMessage() == null ? "" : e.getMessage();
    // JGit's wording for HTTP 401 and 403 (a port number may contain "403", so no bare status codes)
    if (reason.contains("Authentication is required") || reason.contains("not authorized")
        || reason.contains("not permitted")) {
      return git.repositoryUrl() + " asks for credentials: the repository is private or does not exist "
          + "(hosts answer the same for both). Check the URL; Paved reads public repositories for now.";
    }
    if (reason.contains("Remote branch") || reason.contains("not found in upstream") || reason.contains("available for fetch")) {
      return "branch '" + git.branch() + "' was not found in " + git.repositoryUrl();
    }
    return "could not reach " + git.repositoryUrl() + " (" + reason
        + "). Check the URL and that the Git server is up.";
  }

  private static List<String> entries(Repository repo, RevCommit commit, GitTarget git)
      throws IOException, LocationException {
    try (TreeWalk walk = TreeWalk.forPath(repo, git.path(), commit.getTree())) {
      if (walk == null) {
        throw new LocationException(git.path() + " does not exist on branch " + git.branch() + " of " + git.repositoryUrl());
      }
      if (walk.getFileMode(0) != FileMode.TREE) {
        return List.of(git.path());
      }
    }
    List<String> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      String prefix = git.path().endsWith("/") ? git.path() : git.path() + "/";
      while (walk.next()) {
        String p = walk.getPathString();
        if (p.startsWith(prefix) && (p.endsWith(".yaml") || p.endsWith(".yml"))) {
          files.add(p);
        }
      }
    }
    return files;
  }

  private static GitTarget parse(String target) throws LocationException {
    try {
      return GitTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new LocationException(e.getMessage());
    }
  }

  private final class Snapshot implements SourceSnapshot {
    private final Repository repo;
    private final RevCommit commit;
    private final GitTarget git;
    private final List<String> entries;

    private final Runnable onClose;

    Snapshot(Repository repo, RevCommit commit, GitTarget git, List<String> entries, Runnable onClose) {
      this.onClose = onClose;
      this.repo = repo;
      this.commit = commit;
      this.git = git;
      this.entries = entries;
    }

    @Override
    public List<String> entryPaths() {
      return entries;
    }

    @Override
    public String revision() {
      return commit.name();
    }

    @Override
    public SourceFile read(String path) throws LocationException {
      try (TreeWalk walk = TreeWalk.forPath(repo, path, commit.getTree())) {
        if (walk == null || walk.getFileMode(0) == FileMode.TREE) {
          throw new LocationException(path + " does not exist on branch " + git.branch() + " of " + git.repositoryUrl());
        }
        ObjectId blob = walk.getObjectId(0);
        ObjectLoader loader = repo.open(blob);
        if (loader.getSize() > maxFileSize) {
          throw new LocationException(path + " is " + loader.getSize() + " bytes, more than the " + maxFileSize
              + " bytes allowed (paved.catalog.max-file-size)");
        }
        // the limit form streams objects above JGit's in-memory threshold instead of refusing them
        return new SourceFile(path, loader.getBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize)), blob.name());
      } catch (IOException | RuntimeException e) {
        throw new LocationException("could not read " + path + " from " + git.repositoryUrl() + ": " + e.getMessage(), e);
      }
    }

    /** Regular files only: symbolic links and submodules are not part of what a reader hands out. */
    @Override
    public List<String> list(String folder) throws LocationException {
      String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
      List<String> files = new ArrayList<>();
      try (TreeWalk walk = new TreeWalk(repo)) {
        walk.addTree(commit.getTree());
        walk.setRecursive(true);
        if (!folder.isEmpty()) {
          walk.setFilter(PathFilter.create(folder));
        }
        while (walk.next()) {
          int mode = walk.getRawMode(0);
          if ((mode == FileMode.REGULAR_FILE.getBits() || mode == FileMode.EXECUTABLE_FILE.getBits())
              && walk.getPathString().startsWith(prefix)) {
            files.add(walk.getPathString());
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new LocationException("could not list " + folder + " in " + git.repositoryUrl() + ": " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new LocationException(folder + " has no files on branch " + git.branch() + " of " + git.repositoryUrl());
      }
      return files;
    }

    @Override
    public String displayUrl(String path) {
      return git.repositoryUrl() + "#" + git.branch() + ":" + path;
    }

    @Override
    public void close() {
      try {
        repo.close();
      } finally {
        onClose.run();
      }
    }
  }
}
