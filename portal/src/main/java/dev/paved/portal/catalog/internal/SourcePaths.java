package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.LocationException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves targets written in descriptor files ({@code ./api.yaml}, {@code ../shared/x.yaml}) against
 * the file that names them, inside the source root. A target that would leave the source root is
 * refused: a catalog file must not read {@code ../../etc/passwd}.
 */
final class SourcePaths {
  private SourcePaths() {}

  /**
   * Resolves {@code target} relative to the folder of {@code fromFile}.
   *
   * @return a normalised path relative to the root, without {@code ./} or {@code ..}
   * @throws LocationException if the target is absolute, a URL, or escapes the root
   */
  static String resolve(String fromFile, String target) throws LocationException {
    if (target == null || target.isBlank()) {
      throw new LocationException("target is empty");
    }
    if (target.contains("://") || target.startsWith("/") || target.contains("\\") || target.indexOf('\0') >= 0) {
      throw new LocationException(
          "target '" + target + "' in " + fromFile
              + " must be a relative path inside the same source; register other repositories as their own location");
    }
    int slash = fromFile.lastIndexOf('/');
    String base = slash < 0 ? "" : fromFile.substring(0, slash);
    return normalise(base.isEmpty() ? target : base + "/" + target, target, fromFile);
  }

  /** Normalises a path relative to the root, refusing escapes. */
  static String normalise(String path, String asWritten, String fromFile) throws LocationException {
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          throw new LocationException(
              "target '" + asWritten + "' in " + fromFile + " points outside its source; targets must stay inside the repository or folder");
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    if (parts.isEmpty()) {
      throw new LocationException("target '" + asWritten + "' in " + fromFile + " does not name a file");
    }
    return String.join("/", parts);
  }
}
