package dev.paved.goldenpaths.engine;

/**
 * A skeleton file or file name could not be rendered: a missing value, a type mismatch, or a file name
 * that would leave the output.
 */
public class RenderException extends RuntimeException {
  private final String file;
  private final int line;

  public RenderException(String file, int line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  /** The skeleton file at fault, relative to the skeleton root. */
  public String file() {
    return file;
  }

  /** The line in it, or 0 when the problem is the file's name. */
  public int line() {
    return line;
  }
}
