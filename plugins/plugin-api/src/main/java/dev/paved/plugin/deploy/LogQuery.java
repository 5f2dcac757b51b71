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
 */
public record LogQuery(String namespace, String pod, String container, int tailLines, boolean follow, String filter) {

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
  }
}
