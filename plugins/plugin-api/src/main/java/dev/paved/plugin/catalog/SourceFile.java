package dev.paved.plugin.catalog;

/**
 * A file read from a source.
 *
 * @param path the file's path relative to the source root
 * @param content the raw bytes
 * @param fingerprint a content hash (a Git blob id or a SHA-256), used to skip unchanged files
 */
public record SourceFile(String path, byte[] content, String fingerprint) {}
