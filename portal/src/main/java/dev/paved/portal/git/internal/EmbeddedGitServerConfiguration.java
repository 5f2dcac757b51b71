package dev.paved.portal.git.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the embedded repositories over smart HTTP under {@code /git/}: {@code git clone
 * http://<portal>/git/<owner>/<name>.git} works with any Git client. Pushing over HTTP is refused until
 * personal access tokens exist; the portal writes to its repositories itself.
 */
@Configuration
class EmbeddedGitServerConfiguration {

  @Bean
  ServletRegistrationBean<GitServlet> embeddedGitServlet(EmbeddedGitHost host) {
    try {
      Files.createDirectories(host.root());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Git folder " + host.root() + " (paved.git.embedded.root)", e);
    }
    GitServlet servlet = new GitServlet();
    // export-all: every repository in the folder may be read; the folder holds nothing else
    servlet.setRepositoryResolver(new FileResolver<>(host.root().toFile(), true));
    servlet.setReceivePackFactory((request, repository) -> {
      throw new ServiceNotAuthorizedException("pushing over HTTP needs a personal access token, which this version does not issue yet");
    });
    ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, "/git/*");
    registration.setName("embedded-git");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
