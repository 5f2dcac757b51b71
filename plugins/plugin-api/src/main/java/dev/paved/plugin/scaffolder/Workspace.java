package dev.paved.plugin.scaffolder;

import java.util.List;
import java.util.Optional;

/**
 * The files a task produces, by path relative to the workspace root ({@code /}-separated, never
 * {@code ..}). Implementations refuse paths that would leave the root.
 */
public interface Workspace {

  Optional<byte[]> read(String path);

  void write(String path, byte[] content);

  /** Deletes a file, or every file under a folder; returns how many were deleted. */
  int delete(String path);

  /** Moves a file or a folder. */
  void move(String from, String to);

  /** Every file path, sorted. */
  List<String> paths();
}
