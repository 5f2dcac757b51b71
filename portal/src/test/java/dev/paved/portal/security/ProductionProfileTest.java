package dev.paved.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.portal.PavedApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile refuses what is only fit for trying the portal out, naming every setting at once,
 * and starts once Keycloak is configured with a real secret and no local account is left.
 */
class ProductionProfileTest {

  private static ConfigurableApplicationContext start(Path work, String... settings) {
    String[] args = new String[settings.length + 4];
    args[0] = "--server.port=0";
    args[1] = "--paved.database.embedded.data-dir=" + work.resolve("postgres");
    args[2] = "--paved.git.embedded.root=" + work.resolve("git");
    args[3] = "--paved.catalog.git.cache-dir=" + work.resolve("git-cache");
    System.arraycopy(settings, 0, args, 4, settings.length);
    return new SpringApplicationBuilder(PavedApplication.class).profiles("production").run(args);
  }

  @Test
  void demoSettingsAreRefusedEachByName() throws Exception {
    Path work = Files.createTempDirectory("paved-production-");
    assertThatThrownBy(() -> start(work,
        "--paved.security.local-accounts.bob.password={bcrypt}$2a$10$HAofpW0X1Y1eLUp3uf34HeNbIWAjpew6AeN14zrXAf9t6fPFr4xca",
        "--paved.security.oidc.client-secret=change-me-paved-client-secret").close())
        .rootCause()
        .hasMessageContaining("The production profile refuses to start")
        .hasMessageContaining("paved.security.oidc.issuer-uri is not set")
        .hasMessageContaining("paved.security.oidc.client-secret is the default from infra/keycloak/paved-realm.json")
        .hasMessageContaining("paved.security.local-accounts lists [bob]");
  }

  @Test
  void keycloakWithItsOwnSecretStartsAndTheDemoAccountsAreGone() throws Exception {
    Path work = Files.createTempDirectory("paved-production-");
    try (ConfigurableApplicationContext portal = start(work,
        "--paved.security.oidc.issuer-uri=https://sso.acme.example/realms/paved",
        "--paved.security.oidc.client-secret=a-secret-from-the-environment")) {
      assertThat(portal.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      assertThat(portal.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
          .as("no local accounts in production").isEmpty();
    }
  }
}
