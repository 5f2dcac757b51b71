package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;

/** A golden-path request that cannot be carried out; {@link #fieldProblems()} says what to fix, by field. */
public class GoldenPathException extends RuntimeException {
  private final boolean notFound;
  private final Map<String, List<String>> fieldProblems;

  public GoldenPathException(String message, boolean notFound, Map<String, List<String>> fieldProblems) {
    super(message);
    this.notFound = notFound;
    this.fieldProblems = fieldProblems;
  }

  public boolean notFound() {
    return notFound;
  }

  public Map<String, List<String>> fieldProblems() {
    return fieldProblems;
  }
}
