package dev.paved.portal.git.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import dev.paved.portal.identity.AccessTokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves the embedded repositories over smart HTTP under {@code /git/}: {@code git clone
 * http://<portal>/git/<owner>/<name>.git} works with any Git client; pushing needs a personal access
 * token as the password.
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
      if (request.getRemoteUser() == null) {
        throw new ServiceNotAuthorizedException(); // GitPushAuthentication answers before it gets here
      }
      ReceivePack receive = new ReceivePack(repository);
      receive.setRefLogIdent(new PersonIdent(request.getRemoteUser(), request.getRemoteUser()));
      // history is only ever added to: Argo CD deploys from these branches, and a force push or a
      // deleted branch would rewrite what is deployed; objects are checked before they are accepted
      receive.setAllowNonFastForwards(false);
      receive.setAllowBranchDeletes(false);
      receive.setCheckReceivedObjects(true);
      return receive;
    });
    ServletRegistrationBean<GitServlet> registration = new ServletRegistrationBean<>(servlet, "/git/*");
    registration.setName("embedded-git");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<GitPushAuthentication> gitPushAuthentication(AccessTokens tokens) {
    FilterRegistrationBean<GitPushAuthentication> registration = new FilterRegistrationBean<>(new GitPushAuthentication(tokens));
    registration.setUrlPatterns(java.util.List.of("/git/*"));
    return registration;
  }
}
