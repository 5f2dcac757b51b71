package dev.paved.plugin.deploy;

/**
 * Which log lines to read.
 *
 * @param namespace the pod's namespace
 * @param pod the pod
 * @param container the container, or empty for the pod's only one
 * @param tailLines how many of the last lines, at least 1
 * @param follow whether to keep streaming new lines
 * @param filter only lines containing this text, or empty
 * @param sinceSeconds only lines of the last so many seconds, or 0 for no limit (a broken stream resumes with it)
 */
public record LogQuery(String namespace, String pod, String container, int tailLines, boolean follow, String filter,
    long sinceSeconds) {

  /** The most lines one read returns; more would swamp a browser. */
  public static final int MAX_TAIL_LINES = 10_000;

  public LogQuery {
    if (pod == null || pod.isBlank()) {
      throw new IllegalArgumentException("choose a pod to read logs from");
    }
    if (tailLines < 1 || tailLines > MAX_TAIL_LINES) {
      throw new IllegalArgumentException("the number of lines must be between 1 and " + MAX_TAIL_LINES + ", not " + tailLines);
    }
    namespace = namespace == null ? "" : namespace;
    container = container == null ? "" : container;
    filter = filter == null ? "" : filter;
    if (sinceSeconds < 0) {
      throw new IllegalArgumentException("sinceSeconds must be 0 or more");
    }
  }

  /** The last lines, with no time limit. */
  public LogQuery(String namespace, String pod, String container, int tailLines, boolean follow, String filter) {
    this(namespace, pod, container, tailLines, follow, filter, 0);
  }

  /** The same read, resumed: lines of the last {@code seconds}, as many as there are. */
  public LogQuery resumedAfter(long seconds) {
    return new LogQuery(namespace, pod, container, MAX_TAIL_LINES, follow, filter, Math.max(1, seconds));
  }
}
