package dev.paved.goldenpaths.engine;

import java.util.List;
import java.util.regex.Pattern;

/** File-name patterns as templates write them: {@code **} crosses folders, {@code *} stays in one. */
final class Globs {
  private final List<Pattern> patterns;

  Globs(List<String> globs) {
    this.patterns = globs.stream().map(Globs::toRegex).map(Pattern::compile).toList();
  }

  boolean matches(String path) {
    for (Pattern p : patterns) {
      if (p.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        re.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
