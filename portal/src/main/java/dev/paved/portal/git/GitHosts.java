package dev.paved.portal.git;

import dev.paved.plugin.git.GitHost;
import java.util.List;
import java.util.Optional;

/** The places the portal can create repositories in. */
public interface GitHosts {

  /** The host serving this host name, as a repository picker gives it. */
  Optional<GitHost> forHostName(String hostName);

  /** The host names repositories can be created on, the embedded server's first. */
  List<String> hostNames();

  /**
   * Where the portal itself reads a repository of its embedded server: a {@code file:} URI of its folder,
   * so the catalog reads the portal's own repositories without a round trip through HTTP (and without
   * the portal needing to know the address it is reached at).
   */
  Optional<String> localUri(String cloneUrl);
}
