package dev.paved.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.portal.PavedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile refuses what is only fit for trying the portal out, naming every setting at once,
 * and starts once Keycloak and an external PostgreSQL are configured: health and metrics on their own port,
 * JSON logs, secure cookies.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {
  private static EmbeddedPostgres external;

  @BeforeAll
  static void externalDatabase() throws Exception {
    // stands in for a managed PostgreSQL: the portal is given its address, it starts nothing itself
    external = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    external.close();
  }

  private static ConfigurableApplicationContext start(Path work, String... settings) {
    String[] args = new String[settings.length + 5];
    args[0] = "--server.port=0";
    args[1] = "--management.server.port=0";
    args[2] = "--paved.database.embedded.data-dir=" + work.resolve("postgres");
    args[3] = "--paved.git.embedded.root=" + work.resolve("git");
    args[4] = "--paved.catalog.git.cache-dir=" + work.resolve("git-cache");
    System.arraycopy(settings, 0, args, 5, settings.length);
    return new SpringApplicationBuilder(PavedApplication.class).profiles("production").run(args);
  }

  @Test
  void demoSettingsAreRefusedEachByName() throws Exception {
    Path work = Files.createTempDirectory("paved-production-");
    assertThatThrownBy(() -> start(work,
        "--paved.security.local-accounts.bob.password={bcrypt}$2a$10$HAofpW0X1Y1eLUp3uf34HeNbIWAjpew6AeN14zrXAf9t6fPFr4xca",
        "--paved.security.oidc.client-secret=change-me-paved-client-secret").close())
        .hasMessageContaining("The production profile refuses to start")
        .hasMessageContaining("spring.datasource.url is not set")
        .hasMessageContaining("paved.security.oidc.issuer-uri is not set")
        .hasMessageContaining("paved.security.oidc.client-secret is the default from infra/keycloak/paved-realm.json")
        .hasMessageContaining("paved.security.local-accounts lists [bob]");
    assertThat(work.resolve("postgres")).as("no embedded database was started").doesNotExist();
  }

  @Test
  void keycloakAndAnExternalDatabaseStartItWithProbesMetricsAndJsonLogs(CapturedOutput logged) throws Exception {
    Path work = Files.createTempDirectory("paved-production-");
    // another portal left open in this test JVM keeps logging as it set it up; let this one set it up anew
    LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    try (ConfigurableApplicationContext portal = start(work,
        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
        "--paved.security.oidc.issuer-uri=https://sso.acme.example/realms/paved",
        "--paved.security.oidc.client-secret=a-secret-from-the-environment",
        "--paved.catalog.file-roots[0]=" + Path.of("../catalog-info").toAbsolutePath().normalize(),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + Path.of("../catalog-info/catalog-info.yaml").toAbsolutePath().normalize())) {
      assertThat(portal.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      assertThat(portal.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
          .as("no local accounts in production").isEmpty();
      assertThat(work.resolve("postgres")).as("the external database is used, none is started").doesNotExist();
      assertThat(logged.getOut().lines()
          .filter(l -> l.contains("Started ") && l.contains(" seconds (process running for ")))
          .as("logs are one JSON object per line").singleElement().asString()
          .startsWith("{\"@timestamp\"").contains("\"message\":\"Started ");

      int management = portal.getEnvironment().getProperty("local.management.port", Integer.class);
      int main = portal.getEnvironment().getProperty("local.server.port", Integer.class);
      assertThat(management).isNotEqualTo(main);
      assertThat(get(management, "/actuator/health/liveness")).startsWith("200 ").contains("\"UP\"");
      assertThat(get(management, "/actuator/health/readiness")).startsWith("200 ").contains("\"UP\"");
      assertThat(get(management, "/actuator/prometheus")).startsWith("200 ")
          .contains("jvm_memory_used_bytes", "hikaricp_connections_active", "paved_catalog_entities{application=\"paved\",kind=\"component\"}",
              "paved_jobs_duration_seconds_count{application=\"paved\",job=\"catalog-refresh\"");
      assertThat(get(management, "/actuator/env")).as("nothing else on the management port").doesNotStartWith("200 ");
      assertThat(get(main, "/actuator/prometheus")).as("metrics are not public on the main port").doesNotStartWith("200 ");
    }
  }

  private static String get(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    }
  }
}
