package dev.paved.goldenpaths.engine;

/**
 * A construct a template may not use.
 *
 * @param file the file in the template, relative to its root
 * @param line the line, from 1
 * @param message what is refused and why
 */
public record SafetyViolation(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
