package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.LocationReader;
import dev.paved.plugin.catalog.SourceFile;
import dev.paved.plugin.catalog.SourceSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads descriptors from the local file system, confined to the configured roots. A target may be a
 * file or a folder; a folder means every {@code .yaml}/{@code .yml} file under it.
 */
final class FileLocationReader implements LocationReader {
  private final List<Path> roots;
  private final long maxFileSize;

  FileLocationReader(List<Path> roots, long maxFileSize) {
    this.roots = roots.stream().map(FileLocationReader::real).toList();
    this.maxFileSize = maxFileSize;
  }

  @Override
  public String type() {
    return "file";
  }

  @Override
  public void checkTarget(String target) throws LocationException {
    rootOf(target);
  }

  @Override
  public SourceSnapshot open(String target) throws LocationException {
    Path root = rootOf(target);
    Path path = real(Path.of(target));
    if (!Files.exists(path)) {
      throw new LocationException("file " + target + " does not exist");
    }
    List<String> entries;
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path, 8)) {
        entries = files.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .map(p -> relative(root, p))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new LocationException("could not list folder " + target + ": " + e.getMessage(), e);
      }
    } else {
      entries = List.of(relative(root, path));
    }
    return new Snapshot(root, entries);
  }

  private Path rootOf(String target) throws LocationException {
    if (target == null || target.isBlank()) {
      throw new LocationException("a file location needs a path");
    }
    Path path = real(Path.of(target));
    for (Path root : roots) {
      if (path.startsWith(root)) {
        return root;
      }
    }
    throw new LocationException("file " + target + " is outside the folders the catalog may read ("
        + roots + "); add its folder to paved.catalog.file-roots or register it from Git");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The real path where it exists, so symbolic links cannot lead outside a root. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  private final class Snapshot implements SourceSnapshot {
    private final Path root;
    private final List<String> entries;

    Snapshot(Path root, List<String> entries) {
      this.root = root;
      this.entries = entries;
    }

    @Override
    public List<String> entryPaths() {
      return entries;
    }

    @Override
    public String revision() {
      return null;
    }

    @Override
    public SourceFile read(String path) throws LocationException {
      Path file = real(root.resolve(path));
      if (!file.startsWith(root)) {
        throw new LocationException(path + " points outside " + root);
      }
      try {
        long size = Files.size(file);
        if (size > maxFileSize) {
          throw new LocationException(path + " is " + size + " bytes, more than the " + maxFileSize
              + " bytes allowed (paved.catalog.max-file-size)");
        }
        byte[] bytes = Files.readAllBytes(file);
        return new SourceFile(path, bytes, sha256(bytes));
      } catch (NoSuchFileException e) {
        throw new LocationException(path + " does not exist");
      } catch (IOException e) {
        throw new LocationException("could not read " + path + ": " + e.getMessage(), e);
      }
    }

    /** Regular files only; symbolic links are not followed, so nothing outside the root is listed. */
    @Override
    public List<String> list(String folder) throws LocationException {
      Path dir = real(root.resolve(folder));
      if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
        throw new LocationException("folder " + folder + " does not exist under " + root);
      }
      try (Stream<Path> files = Files.walk(dir, 16)) {
        return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            .map(p -> relative(root, p))
            .sorted()
            .toList();
      } catch (IOException | UncheckedIOException e) {
        throw new LocationException("could not list folder " + folder + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String displayUrl(String path) {
      return root.resolve(path).toString();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
