package dev.paved.plugin.gitea;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.git.GitHost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The plugin turns on with {@code paved.plugins.gitea.url} and stays out of the way without it. */
class GiteaAutoConfigurationTest {
  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(GiteaAutoConfiguration.class));

  @Test
  void withoutAUrlThereIsNoGiteaHost() {
    runner.withPropertyValues("paved.plugins.gitea.token=abc")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GitHost.class));
  }

  @Test
  void withAUrlAndATokenThereIsAGiteaHostForThatAddress() {
    runner.withPropertyValues("paved.plugins.gitea.url=https://gitea.acme.example", "paved.plugins.gitea.token=abc",
        "paved.plugins.gitea.timeout=5s").run(context -> {
          assertThat(context).hasSingleBean(GitHost.class);
          GitHost host = context.getBean(GitHost.class);
          assertThat(host.id()).isEqualTo("gitea");
          assertThat(host.serves("gitea.acme.example")).isTrue();
          assertThat(context.getBean(GiteaProperties.class).timeout()).hasSeconds(5);
        });
  }

  @Test
  void aUrlWithoutATokenStopsTheStartSayingWhatIsMissing() {
    runner.withPropertyValues("paved.plugins.gitea.url=https://gitea.acme.example").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("paved.plugins.gitea.token is not set");
    });
  }

  @Test
  void theAutoConfigurationIsRegisteredForSpringBootToFind() {
    assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
        .contains(GiteaAutoConfiguration.class.getName());
  }
}
