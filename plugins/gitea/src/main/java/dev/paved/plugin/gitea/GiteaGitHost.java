package dev.paved.plugin.gitea;

import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Repositories on a Gitea server, created and deleted through its REST API (v1) with an access token,
 * and pushed to over smart HTTP as the token's user with the token as the password.
 *
 * <p>A repository whose owner is the token's own user is created with {@code POST /user/repos}; any
 * other owner must be an organization the user may create repositories in ({@code POST
 * /orgs/{owner}/repos}). Repositories are created public and empty, so the portal's catalog can read
 * them without credentials and the first push sets their default branch.
 *
 * <p>Thread-safe: the only state is the token user's login, looked up once.
 */
public class GiteaGitHost implements GitHost, AutoCloseable {
  /** What Gitea accepts as an owner or repository name, without a ".git" suffix. */
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");

  private final String base;
  private final String scheme;
  private final String hostName;
  private final String token;
  private final GiteaClient api;
  private volatile String login;

  public GiteaGitHost(GiteaProperties properties) {
    this.base = properties.url().toString().replaceAll("/+$", "");
    URI url = properties.url();
    this.scheme = url.getScheme();
    this.hostName = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    this.token = properties.token();
    this.api = new GiteaClient(base, token, properties.timeout());
  }

  @Override
  public String id() {
    return "gitea";
  }

  /** Compares with the URL's host and port, a default port written out or not. */
  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public boolean serves(String hostName) {
    return hostName != null && normalize(this.hostName).equals(normalize(hostName));
  }

  @Override
  public boolean exists(String owner, String name) throws GitHostException {
    checkNames(owner, name);
    String doing = "look up " + owner + "/" + name;
    GiteaClient.Response response = api.send("GET", "/repos/" + owner + "/" + name, null, doing);
    return switch (response.status()) {
      case 200 -> true;
      case 404 -> false;
      default -> throw api.unexpected(response, doing);
    };
  }

  @Override
  public Repository locate(String owner, String name) throws GitHostException {
    checkNames(owner, name);
    String cloneUrl = base + "/" + owner + "/" + name + ".git";
    return new Repository(cloneUrl, base + "/" + owner + "/" + name, cloneUrl);
  }

  @Override
  public Repository create(String owner, String name, String description) throws GitHostException {
    checkNames(owner, name);
    boolean ownRepository = owner.equalsIgnoreCase(login()); // Gitea's user names ignore case
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("description", description == null ? "" : description);
    body.put("private", false);
    body.put("auto_init", false);
    String doing = "create " + owner + "/" + name;
    GiteaClient.Response response = api.send("POST", ownRepository ? "/user/repos" : "/orgs/" + owner + "/repos",
        body, doing);
    return switch (response.status()) {
      case 201 -> locate(owner, name);
      case 409 -> throw new GitHostException("repository " + owner + "/" + name + " already exists on "
          + hostName + "; choose another name", true);
      case 404 -> throw new GitHostException("there is no organization " + owner + " on Gitea at " + base
          + " (and it is not the token's user " + login() + "): create it in Gitea or choose another owner", false);
      case 422 -> throw new GitHostException("Gitea refused to " + doing + response.message(), false);
      default -> throw api.unexpected(response, doing);
    };
  }

  /** Gitea answers 204 when it deleted the repository and 404 when it was gone already: both are done. */
  @Override
  public void delete(String owner, String name) throws GitHostException {
    checkNames(owner, name);
    String doing = "delete " + owner + "/" + name;
    GiteaClient.Response response = api.send("DELETE", "/repos/" + owner + "/" + name, null, doing);
    if (response.status() != 204 && response.status() != 404) {
      throw api.unexpected(response, doing);
    }
  }

  /**
   * The token's user and the token. The login is known once any repository was looked up or created;
   * should Gitea not be reachable to tell it, any user name does, since Gitea takes a token sent as the
   * password for its own user whatever name comes with it.
   */
  @Override
  public Credentials pushCredentials() {
    String user;
    try {
      user = login();
    } catch (GitHostException e) {
      user = "paved";
    }
    return new Credentials(user, token);
  }

  /** The login of the token's user, asked once: it does not change while the token lives. */
  String login() throws GitHostException {
    String known = login;
    if (known != null) {
      return known;
    }
    String doing = "tell whose token it is";
    GiteaClient.Response response = api.send("GET", "/user", null, doing);
    String found = response.body().path("login").asString("");
    if (response.status() != 200 || found.isBlank()) {
      throw api.unexpected(response, doing);
    }
    login = found;
    return found;
  }

  /** Also keeps names that would leave the API path, such as "..", out of requests. */
  private static void checkNames(String owner, String name) throws GitHostException {
    for (String part : new String[] {owner, name}) {
      if (part == null || !NAME.matcher(part).matches() || part.endsWith(".git")) {
        throw new GitHostException("'" + part + "' is not a valid owner or repository name: letters, digits, "
            + "'.', '_' and '-', starting with a letter or digit, not ending in .git", false);
      }
    }
  }

  private String normalize(String authority) {
    String a = authority.toLowerCase(Locale.ROOT);
    String defaultPort = "https".equals(scheme) ? ":443" : ":80";
    return a.endsWith(defaultPort) ? a.substring(0, a.length() - defaultPort.length()) : a;
  }

  @Override
  public void close() {
    api.close();
  }

  @Override
  public String toString() {
    return "GiteaGitHost[" + base + "]";
  }
}
