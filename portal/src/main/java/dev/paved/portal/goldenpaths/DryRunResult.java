package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;

/**
 * What a dry run produced, nothing of which exists anywhere but in this result.
 *
 * @param files every file rendered, with its text (or {@code null} for binary content)
 * @param steps each step with its status and log
 * @param output the template's output with its expressions resolved
 */
public record DryRunResult(boolean succeeded, List<File> files, List<Step> steps, Map<String, Object> output) {

  /** A rendered file. */
  public record File(String path, int size, String text) {}

  /** A step's outcome. */
  public record Step(String id, String name, String action, String status, List<String> log, long millis, String error) {}
}
