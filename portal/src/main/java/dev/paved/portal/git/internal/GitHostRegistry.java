package dev.paved.portal.git.internal;

import dev.paved.plugin.git.GitHost;
import dev.paved.portal.git.GitHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The embedded host first, then the hosts plugins register as beans. */
@Service
class GitHostRegistry implements GitHosts {
  private final EmbeddedGitHost embedded;
  private final ObjectProvider<GitHost> all;

  GitHostRegistry(EmbeddedGitHost embedded, ObjectProvider<GitHost> all) {
    this.embedded = embedded;
    this.all = all;
  }

  private List<GitHost> hosts() {
    List<GitHost> hosts = new ArrayList<>(List.of(embedded));
    all.orderedStream().filter(h -> h != embedded).forEach(hosts::add);
    return hosts;
  }

  @Override
  public Optional<GitHost> forHostName(String hostName) {
    return hosts().stream().filter(h -> h.serves(hostName)).findFirst();
  }

  @Override
  public Optional<String> localUri(String cloneUrl) {
    return embedded.localUri(cloneUrl);
  }

  @Override
  public List<String> hostNames() {
    return hosts().stream().map(GitHost::hostName).toList();
  }
}
