package dev.paved.goldenpaths.engine;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff (longest common subsequence) for snapshot failures. */
final class LineDiff {
  private LineDiff() {}

  static String diff(String expected, String actual, int maxLines) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    if ((long) a.length * b.length > 4_000_000L) {
      return "    (files too large to diff: " + a.length + " and " + b.length + " lines)";
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while ((i < a.length || j < b.length) && out.size() < maxLines) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("    +" + (j + 1) + ": " + b[j++]);
      } else {
        out.add("    -" + (i + 1) + ": " + a[i++]);
      }
    }
    if (out.size() >= maxLines) {
      out.add("    ...");
    }
    return String.join("\n", out);
  }
}
