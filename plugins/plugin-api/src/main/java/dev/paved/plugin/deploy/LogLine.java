package dev.paved.plugin.deploy;

import java.time.Instant;

/**
 * One line a container wrote.
 *
 * @param pod the pod
 * @param timestamp when, or null if the system did not say
 * @param content the line
 */
public record LogLine(String pod, Instant timestamp, String content) {}
