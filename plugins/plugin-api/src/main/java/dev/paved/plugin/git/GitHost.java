package dev.paved.plugin.git;

/**
 * A place repositories are created: the embedded Git server or a provider reached by its REST API.
 * Implementations are thread-safe; the portal picks the host whose {@link #serves} accepts the host
 * name a golden path's repository picker gave.
 */
public interface GitHost {

  /** A short id for settings and messages, such as {@code embedded} or {@code gitea}. */
  String id();

  /** The host name (with port, if any) the repository picker offers for this host, such as {@code gitea.acme.example}. */
  String hostName();

  /** Whether this host serves repositories at this host name (with port, if any), such as {@code git.acme.example}. */
  boolean serves(String hostName);

  /**
   * Whether the repository exists.
   *
   * @throws GitHostException when the host cannot be asked
   */
  boolean exists(String owner, String name) throws GitHostException;

  /** Where a repository with this owner and name is (or would be) cloned from and looked at. */
  Repository locate(String owner, String name) throws GitHostException;

  /**
   * Creates an empty repository.
   *
   * @throws GitHostException with {@link GitHostException#conflict()} when it already exists, or when the
   *     host refuses or cannot be reached, saying what to do
   */
  Repository create(String owner, String name, String description) throws GitHostException;

  /**
   * Deletes a repository; deleting one that does not exist is not an error (undo may run twice).
   *
   * @throws GitHostException when the host refuses or cannot be reached
   */
  void delete(String owner, String name) throws GitHostException;

  /** The credentials to push with over HTTP(S); never logged or stored by the portal. */
  Credentials pushCredentials();

  /**
   * A created repository.
   *
   * @param cloneUrl where people and CI clone it
   * @param webUrl where a person looks at it
   * @param pushUrl where the portal pushes to: the clone URL for a remote host; the embedded server
   *     pushes to its own folder directly
   */
  record Repository(String cloneUrl, String webUrl, String pushUrl) {}

  /** A user name and a token or password, for HTTP basic authentication. */
  record Credentials(String username, String secret) {
    @Override
    public String toString() {
      return "Credentials[" + username + ", ****]";
    }
  }
}
