package dev.paved.portal.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file or folder in a Git repository: the clone URL, a branch and a path. Its string form, used as a
 * {@code git} location's target, is {@code <clone-url>#<branch>:<path>} (Git branch names cannot
 * contain {@code :}).
 */
public record GitTarget(String repositoryUrl, String branch, String path) {
  private static final Pattern LINE_ANCHOR = Pattern.compile("#L\\d+(-L?\\d+)?$");
  private static final Pattern BLOB_URL =
      Pattern.compile("^(https?://[^?#]+?)(?:\\.git)?/(?:-/)?(?:blob|tree|src/branch)/([^/]+)/(.+)$");

  public GitTarget {
    if (repositoryUrl == null || repositoryUrl.isBlank()) {
      throw new IllegalArgumentException("the repository URL is missing");
    }
    if (branch == null || branch.isBlank() || branch.contains(":") || branch.contains("..") || branch.startsWith("-")) {
      throw new IllegalArgumentException("'" + branch + "' is not a valid branch name");
    }
    path = path == null ? "" : path.replaceAll("^/+", "");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the path of the catalog file in the repository is missing");
    }
    String scheme = scheme(repositoryUrl);
    if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
      throw new IllegalArgumentException(
          "repository URL '" + repositoryUrl + "' must start with https://, http:// or file://");
    }
    if (!scheme.equals("file") && hasUserInfo(repositoryUrl)) {
      // a token in the URL would be shown in annotations, the API and logs
      throw new IllegalArgumentException("the repository URL contains credentials; remove them from the URL "
          + "(access to private repositories is configured per Git host, not in the URL)");
    }
  }

  /** Parses the target form {@code <clone-url>#<branch>:<path>}. */
  public static GitTarget parse(String target) {
    int hash = target == null ? -1 : target.lastIndexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException(
          "Git target '" + target + "' must look like https://host/org/repo.git#main:catalog-info.yaml");
    }
    String ref = target.substring(hash + 1);
    int colon = ref.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Git target '" + target + "' needs '#<branch>:<path>' after the repository URL");
    }
    return new GitTarget(target.substring(0, hash), ref.substring(0, colon), ref.substring(colon + 1));
  }

  /**
   * Reads what a user pastes: a browser URL of a file in GitHub, GitLab, Gitea or Forgejo ({@code
   * .../blob/main/catalog-info.yaml}, {@code .../-/blob/...}, {@code .../src/branch/...}), or the target
   * form itself.
   */
  public static GitTarget fromUserInput(String input) {
    String trimmed = input == null ? "" : input.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("paste the URL of a catalog-info.yaml file in a Git repository");
    }
    if (trimmed.contains("#") && !LINE_ANCHOR.matcher(trimmed).find()) {
      return parse(trimmed);
    }
    // what browsers add to a file's address: ?ref_type=heads (GitLab), ?plain=1, #L10 (line anchors)
    trimmed = trimmed.replaceAll("[?#].*$", "");
    Matcher m = BLOB_URL.matcher(trimmed);
    if (m.matches()) {
      return new GitTarget(m.group(1) + ".git", m.group(2), m.group(3));
    }
    throw new IllegalArgumentException("'" + trimmed + "' is not the URL of a file in a Git repository; "
        + "open the catalog-info.yaml in your Git host and copy the address (it contains /blob/<branch>/), "
        + "or write <clone-url>#<branch>:<path> (needed when the branch name contains '/')");
  }

  /** The host, for messages and allow-lists; empty for {@code file:} URLs. */
  public String host() {
    try {
      String host = new URI(repositoryUrl).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return "";
    }
  }

  public boolean isFileUrl() {
    return scheme(repositoryUrl).equals("file");
  }

  private static boolean hasUserInfo(String url) {
    try {
      return new URI(url).getRawUserInfo() != null;
    } catch (URISyntaxException e) {
      return url.substring(url.indexOf("//") + 2).split("/", 2)[0].contains("@");
    }
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return repositoryUrl + "#" + branch + ":" + path;
  }
}
