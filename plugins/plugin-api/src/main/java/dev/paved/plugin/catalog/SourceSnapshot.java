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

  /** A human-readable address of a path in this source, for messages and links. */
  String displayUrl(String path);

  @Override
  default void close() {}
}
