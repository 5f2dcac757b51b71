package dev.paved.goldenpaths.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backstage's repository picker value, {@code github.com?owner=acme&repo=payments}, as the {@code
 * parseRepoUrl} filter returns it: {@code {host, owner, repo}} (and {@code organization}, {@code
 * workspace}, {@code project} when given).
 */
public final class RepoUrl {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.-]+(:[0-9]{1,5})?$");

  private RepoUrl() {}

  /** Parses a picker value; throws IllegalArgumentException saying what is wrong. */
  public static Map<String, Object> parse(String value) {
    int q = value.indexOf('?');
    if (q <= 0) {
      throw new IllegalArgumentException("'" + value + "' is not a repository location like host?owner=o&repo=r");
    }
    String host = value.substring(0, q);
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("'" + host + "' is not a host name");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", host);
    for (String pair : value.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = pair.substring(0, eq);
      String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!NAME.matcher(v).matches()) {
        throw new IllegalArgumentException(key + " '" + v + "' must be letters, digits, '.', '_' or '-'");
      }
      out.put(key, v);
    }
    if (!out.containsKey("repo") || !(out.containsKey("owner") || out.containsKey("organization") || out.containsKey("workspace"))) {
      throw new IllegalArgumentException("'" + value + "' needs a repo and an owner");
    }
    return out;
  }
}
