package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;

/** A golden-path request that cannot be carried out; {@link #fieldProblems()} says what to fix, by field. */
public class GoldenPathException extends RuntimeException {
  private final boolean notFound;
  private final boolean conflict;
  private final Map<String, List<String>> fieldProblems;

  public GoldenPathException(String message, boolean notFound, Map<String, List<String>> fieldProblems) {
    this(message, notFound, false, fieldProblems);
  }

  private GoldenPathException(String message, boolean notFound, boolean conflict, Map<String, List<String>> fieldProblems) {
    super(message);
    this.notFound = notFound;
    this.conflict = conflict;
    this.fieldProblems = fieldProblems;
  }

  /**
   * The request is valid but clashes with what exists: a name already taken, a task in a state that
   * does not allow it.
   */
  public static GoldenPathException conflict(String message, Map<String, List<String>> fieldProblems) {
    return new GoldenPathException(message, false, true, fieldProblems);
  }

  public boolean conflict() {
    return conflict;
  }

  public boolean notFound() {
    return notFound;
  }

  public Map<String, List<String>> fieldProblems() {
    return fieldProblems;
  }
}
