package dev.paved.goldenpaths.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the FreeMarker constructs a golden path may not use. Nothing in FreeMarker's configuration
 * switches off {@code ?eval} or {@code ?interpret} (they would turn an answer into template code), so
 * templates using them are refused when loaded, with the file and line.
 */
public final class TemplateSafety {
  private static final Pattern DANGEROUS_BUILTIN =
      Pattern.compile("\\?\\s*(eval|interpret|api|has_api|new)(?![A-Za-z0-9_])");
  private static final Pattern INCLUDE =
      Pattern.compile("[<\\[]#(include|import)\\s+([^>\\]\\s]+)");

  private TemplateSafety() {}

  /** Every refused construct in one file's source. */
  public static List<SafetyViolation> scan(String file, String source) {
    List<SafetyViolation> found = new ArrayList<>();
    Matcher builtin = DANGEROUS_BUILTIN.matcher(source);
    while (builtin.find()) {
      found.add(new SafetyViolation(file, line(source, builtin.start()),
          "?" + builtin.group(1) + " is not allowed: it can run answers as template code or reach Java objects"));
    }
    Matcher include = INCLUDE.matcher(source);
    while (include.find()) {
      String target = include.group(2);
      boolean literal = (target.startsWith("\"") && target.endsWith("\"")) || (target.startsWith("'") && target.endsWith("'"));
      String path = literal ? target.substring(1, target.length() - 1) : target;
      if (!literal) {
        found.add(new SafetyViolation(file, line(source, include.start()),
            "#" + include.group(1) + " must name a file of the template as a plain string, not " + target));
      } else if (path.contains("://") || path.contains("\\") || escapes(file, path)) {
        found.add(new SafetyViolation(file, line(source, include.start()),
            "#" + include.group(1) + " of '" + path + "' reaches outside the template; include files of the template"));
      }
    }
    return found;
  }

  /** Whether a relative include climbs above the template's root from the including file's folder. */
  private static boolean escapes(String file, String path) {
    if (path.startsWith("/")) {
      path = path.substring(1); // FreeMarker reads "/x" from the template root
    } else if (file.contains("/")) {
      path = file.substring(0, file.lastIndexOf('/')) + "/" + path;
    }
    int depth = 0;
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  private static int line(String source, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
