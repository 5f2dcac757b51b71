package dev.paved.portal.identity;

import static dev.paved.portal.testing.KeycloakLogin.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.portal.testing.KeycloakLogin;
import dev.paved.portal.testing.KeycloakServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;



/**
 * The project's Keycloak realm ({@code infra/keycloak/paved-realm.json}) on a real Keycloak: people sign in
 * on Keycloak's own login page through the authorization-code flow with PKCE, as the portal will send them,
 * and the tokens carry what the portal maps to its roles and to catalog Groups.
 */
class KeycloakRealmIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static KeycloakServer keycloak;

  @BeforeAll
  static void start() {
    keycloak = KeycloakServer.start();
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void aDeveloperOfTeamPaymentsSignsInWithTheirRoleAndGroup() throws Exception {
    KeycloakLogin.Tokens tokens = KeycloakLogin.signIn(keycloak, "dana", "dana-password");

    JsonNode id = tokens.id();
    assertThat(id.path("iss").asString()).isEqualTo(keycloak.issuer());
    assertThat(id.path("preferred_username").asString()).isEqualTo("dana");
    assertThat(id.path("email").asString()).isEqualTo("dana@acme.example");
    assertThat(id.path("name").asString()).isEqualTo("Dana Payments");
    assertThat(strings(id.path("groups"))).containsExactly("team-payments");
    assertThat(strings(id.path("roles"))).contains("developer").doesNotContain("platform-engineer", "admin");
    JsonNode access = tokens.access();
    assertThat(strings(access.path("aud").isArray() ? access.path("aud") : JSON.createArrayNode().add(access.path("aud"))))
        .as("the REST API checks its audience").contains("paved");
    assertThat(strings(access.path("roles"))).contains("developer");
  }

  @Test
  void aPlatformEngineerAndAnAdminGetTheirRoles() throws Exception {
    assertThat(strings(KeycloakLogin.signIn(keycloak, "pat", "pat-password").id().path("roles")))
        .contains("platform-engineer").doesNotContain("admin");
    JsonNode ada = KeycloakLogin.signIn(keycloak, "ada", "ada-password").id();
    assertThat(strings(ada.path("roles"))).contains("admin", "platform-engineer");
    assertThat(strings(ada.path("groups"))).containsExactly("platform");
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPageWithItsMessage() throws Exception {
    HttpResponse<String> refused = KeycloakLogin.tryPassword(keycloak, "dana", "wrong");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Invalid username or password");
  }

}
