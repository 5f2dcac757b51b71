package dev.paved.plugin.gitea;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Gitea is and how the portal signs in, under {@code paved.plugins.gitea}. Checked when bound, so
 * a portal with half a Gitea configuration stops at start-up saying what is missing instead of failing
 * on the first golden path.
 *
 * @param url Gitea's address as people see it, such as {@code https://gitea.acme.example} (with a path
 *     if Gitea is served under one); repositories are cloned from {@code <url>/<owner>/<repo>.git}
 * @param token an access token of the user the portal acts as; it needs the scopes {@code
 *     write:repository} and {@code read:user}, and {@code write:organization} to create repositories in
 *     organizations
 * @param timeout how long to wait for Gitea to connect and to answer one API request
 */
@ConfigurationProperties("paved.plugins.gitea")
public record GiteaProperties(URI url, String token, @DefaultValue("30s") Duration timeout) {

  public GiteaProperties {
    if (url == null || url.getRawAuthority() == null || url.getHost() == null
        || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("paved.plugins.gitea.url must be Gitea's address, such as "
          + "https://gitea.acme.example, but is '" + url + "'");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("paved.plugins.gitea.token is not set: create an access token in Gitea "
          + "(Settings > Applications) with the scopes write:repository, read:user and write:organization");
    }
    if (timeout == null) {
      timeout = Duration.ofSeconds(30);
    } else if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("paved.plugins.gitea.timeout must be positive, such as 30s, but is " + timeout);
    }
  }

  /** Without the token: properties end up in logs and failure reports. */
  @Override
  public String toString() {
    return "GiteaProperties[url=" + url + ", token=****, timeout=" + timeout + "]";
  }
}
