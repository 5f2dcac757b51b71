package dev.paved.portal.git;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Git hosting settings, under {@code paved.git}.
 *
 * @param embedded the portal's own Git server
 * @param gitops the GitOps repository
 */
@ConfigurationProperties("paved.git")
public record GitProperties(@DefaultValue Embedded embedded, @DefaultValue GitOpsRepository gitops) {

  /**
   * Where deployment configuration goes.
   *
   * @param repoUrl {@code host?owner=o&repo=r} on one of the Git hosts; unset means {@code platform/gitops}
   *     on the embedded server
   */
  public record GitOpsRepository(String repoUrl) {}

  /**
   * The embedded Git server, serving bare repositories over smart HTTP under {@code /git/}.
   *
   * @param root where its repositories are kept
   * @param publicUrl the address people clone from, such as {@code https://paved.acme.example/git};
   *     unset means {@code http://localhost:<port>/git}
   */
  public record Embedded(@DefaultValue("data/git") Path root, String publicUrl) {}
}
