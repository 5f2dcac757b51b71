package dev.paved.goldenpaths.engine;

import dev.paved.plugin.scaffolder.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A workspace held in memory: what a dry run renders into, and what a test compares with snapshots. */
public final class InMemoryWorkspace implements Workspace {
  private final TreeMap<String, byte[]> files = new TreeMap<>();

  @Override
  public Optional<byte[]> read(String path) {
    return Optional.ofNullable(files.get(normalise(path)));
  }

  @Override
  public void write(String path, byte[] content) {
    files.put(normalise(path), content.clone());
  }

  @Override
  public int delete(String path) {
    String p = normalise(path);
    List<String> gone = new ArrayList<>();
    for (String f : files.keySet()) {
      if (f.equals(p) || f.startsWith(p + "/")) {
        gone.add(f);
      }
    }
    gone.forEach(files::remove);
    return gone.size();
  }

  @Override
  public void move(String from, String to) {
    String src = normalise(from);
    String dst = normalise(to);
    Map<String, byte[]> moved = new TreeMap<>();
    for (var e : files.entrySet()) {
      if (e.getKey().equals(src)) {
        moved.put(dst, e.getValue());
      } else if (e.getKey().startsWith(src + "/")) {
        moved.put(dst + e.getKey().substring(src.length()), e.getValue());
      }
    }
    if (moved.isEmpty()) {
      throw new IllegalArgumentException(from + " does not exist in the workspace");
    }
    delete(src);
    files.putAll(moved);
  }

  @Override
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  /** Every file, for snapshots and previews. */
  public List<SkeletonRenderer.RenderedFile> files() {
    return files.entrySet().stream().map(e -> new SkeletonRenderer.RenderedFile(e.getKey(), e.getValue())).toList();
  }

  /** A workspace path without {@code .} or {@code ..}; one that would leave the root is refused. */
  public static String normalise(String path) {
    if (path == null || path.isBlank() || path.indexOf('\0') >= 0 || path.contains("\\")) {
      throw new IllegalArgumentException("'" + path + "' is not a workspace path");
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          throw new IllegalArgumentException("'" + path + "' points outside the workspace");
        }
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("'" + path + "' is not a file in the workspace");
    }
    return String.join("/", parts);
  }
}
