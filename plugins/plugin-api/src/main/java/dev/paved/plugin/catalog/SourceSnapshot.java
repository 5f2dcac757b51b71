package dev.paved.plugin.catalog;

/**
 * A read-only view of a location's source at one point in time. Paths are relative to the snapshot's
 * root, use {@code /} and never contain {@code ..}.
 */
public interface SourceSnapshot extends AutoCloseable {

  /**
   * The files the location names, relative to the root: one file, or every descriptor file of a
   * folder location.
   */
  java.util.List<String> entryPaths();

  /**
   * A fingerprint of the whole source (a commit id), or {@code null} when the reader cannot tell
   * cheaply; an unchanged revision lets the catalog skip the location entirely.
   */
  String revision();

  /**
   * Reads one file.
   *
   * @throws LocationException if it does not exist or cannot be read
   */
  SourceFile read(String path) throws LocationException;

  /**
   * Every file under a folder of the source, recursively, relative to the root. Used to read the files
   * that travel with a descriptor, such as a template's skeleton next to its {@code template.yaml}.
   * Readers that cannot list folders keep this default, which says so.
   *
   * @param folder a folder relative to the root ({@code ""} for the root)
   * @throws LocationException if the folder does not exist, cannot be listed, or listing is not supported
   */
  default java.util.List<String> list(String folder) throws LocationException {
    throw new LocationException("this location type cannot list the files of a folder");
  }

  /** A human-readable address of a path in this source, for messages and links. */
  String displayUrl(String path);

  @Override
  default void close() {}
}
