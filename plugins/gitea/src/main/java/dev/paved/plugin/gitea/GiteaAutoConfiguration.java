package dev.paved.plugin.gitea;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the Gitea host when {@code paved.plugins.gitea.url} is set; the portal picks up every
 * {@link dev.paved.plugin.git.GitHost} bean.
 */
@AutoConfiguration
@ConditionalOnProperty("paved.plugins.gitea.url")
@EnableConfigurationProperties(GiteaProperties.class)
public class GiteaAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  GiteaGitHost giteaGitHost(GiteaProperties properties) {
    return new GiteaGitHost(properties);
  }
}
