package dev.paved.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.argocd.FakeArgoCd;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.portal.PavedApplication;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.testing.Browser;
import dev.paved.portal.testing.GitBackedArgoCd;
import dev.paved.portal.testing.IsolatedPortal;
import dev.paved.portal.testing.KeycloakLogin;
import dev.paved.portal.testing.KeycloakServer;
import dev.paved.portal.testing.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real Keycloak (the distribution from Maven Central with the project's realm) in Chromium:
 * dana of team-payments signs in on Keycloak's login page, creates a service for her team, and is refused
 * rolling back a team-search service with the reason; signing out ends her Keycloak session; pat, a platform
 * engineer, rolls it back. Scripts use Keycloak access tokens as bearer tokens on the REST API.
 */
@SpringBootTest(classes = PavedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakJourneyIT {
  static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
  static Path work;
  static KeycloakServer keycloak;
  static FakeArgoCd argo;
  static Browser page;
  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired Scaffolder scaffolder;
  @Autowired Deployments deployments;
  @Autowired DeploymentOperations operations;
  @Autowired AccessTokens tokens;
  @Autowired org.springframework.context.ApplicationContext context;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    work = Files.createTempDirectory("paved-keycloak-journey-");
    keycloak = KeycloakServer.start();
    argo = GitBackedArgoCd.start(() -> work.resolve("git"));
    IsolatedPortal.properties(registry, work);
    registry.add("paved.catalog.locations[0].target", () -> REPO_ROOT.resolve("catalog-info/catalog-info.yaml").toString());
    registry.add("paved.catalog.file-roots[0]", () -> REPO_ROOT.resolve("catalog-info").toString());
    registry.add("paved.golden-paths.directories[0]", () -> REPO_ROOT.resolve("golden-paths/templates").toString());
    registry.add("paved.plugins.argocd.instances.local.url", argo::url);
    registry.add("paved.plugins.argocd.instances.local.token", () -> FakeArgoCd.TOKEN);
    registry.add("paved.security.oidc.issuer-uri", keycloak::issuer);
    registry.add("paved.security.oidc.client-secret", () -> "change-me-paved-client-secret");
  }

  @BeforeAll
  static void startBrowser() {
    page = Browser.start();
    browser = page.driver();
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
    if (argo != null) {
      argo.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  private String portal() {
    // the same host as Keycloak's issuer, as a browser on the machine would use
    return "http://127.0.0.1:" + port;
  }

  /** A team-search service with something in its history, made by a platform engineer. */
  private String teamSearchService() throws Exception {
    String name = "search-" + Long.toHexString(System.nanoTime()).substring(6);
    TestUsers.useHolderOf(context);
    TestUsers.signIn(TestUsers.PAT);
    try {
      Scaffolder.TaskView task = IsolatedPortal.awaitFinished(scaffolder, scaffolder.start("spring-boot-service",
          Map.of("name", name, "owner", "group:default/team-search", "javaPackage", "com.acme.search",
              "repoUrl", "localhost:" + port + "?owner=team-search&repo=" + name), TestUsers.PAT, null).task().id());
      assertThat(task.state()).as(task.error()).isEqualTo(Scaffolder.State.SUCCEEDED);
      await().until(() -> deployments.all().stream().filter(d -> d.service().equals(name)).count() == 3);
      operations.sync(new DeploymentRef("local", name + "-dev"), false, false);
      return name;
    } finally {
      TestUsers.signOut();
    }
  }

  /** Signs in on Keycloak's own login page, where the portal sends a visitor who is not signed in. */
  private void signInOnKeycloak(String user, String screenshot) {
    browser.get(portal() + "/catalog");
    page.waiting().until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
    assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth");
    if (screenshot != null) {
      page.screenshot(screenshot);
    }
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(user + "-password", Keys.ENTER);
    page.waiting().withMessage(() -> "still at " + browser.getCurrentUrl())
        .until(d -> d.getCurrentUrl().startsWith(portal()) && !d.findElements(By.id("user-menu")).isEmpty());
  }

  private void signOut() {
    browser.findElement(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
    page.waiting().until(d -> !d.findElements(By.id("sign-out")).isEmpty());
    browser.findElement(By.id("sign-out")).click();
    page.waiting().until(d -> d.getCurrentUrl().startsWith(portal()) || !d.findElements(By.id("kc-form-login")).isEmpty());
  }

  @Test
  void aDeveloperSignsInOnKeycloakCreatesForHerTeamAndIsRefusedAnotherTeamsRollbackWhichAPlatformEngineerDoes()
      throws Exception {
    String search = teamSearchService();

    signInOnKeycloak("dana", "keycloak-sign-in");
    assertThat(browser.findElement(By.id("user-menu")).getText()).contains("Dana Payments");
    assertThat(browser.findElements(By.id("local-accounts-badge"))).as("signed in through Keycloak").isEmpty();

    // dana creates a service for team-payments
    String mine = "orders-" + Long.toHexString(System.nanoTime()).substring(6);
    browser.get(portal() + "/templates/spring-boot-service");
    page.waiting().until(d -> d.findElement(By.cssSelector("#param-name input"))).sendKeys(mine);
    browser.findElement(By.cssSelector("#param-owner input")).sendKeys("group:default/team-payments", Keys.ENTER);
    page.next();
    var repo = browser.findElements(By.cssSelector("#param-repoUrl input"));
    repo.get(1).sendKeys("team-payments", Keys.ENTER);
    repo.get(2).sendKeys(mine, Keys.TAB);
    page.toReview();
    page.click("template-create");
    page.waiting().until(d -> d.getCurrentUrl().contains("/tasks/"));
    page.waiting().until(d -> d.findElement(By.id("task-state")).getText().equals("succeeded"));
    assertThat(scaffolder.list(new Scaffolder.TaskFilter("user:default/dana", null, 5))).as("her task, under her name")
        .anyMatch(t -> t.title().contains(mine) || t.template().equals("spring-boot-service"));

    // ... and may look at team-search's service but not roll it back
    browser.get(portal() + "/catalog/component/default/" + search + "?tab=deployments");
    page.waiting().until(d -> !d.findElements(By.id("history-" + search + "-dev")).isEmpty());
    assertThat(browser.findElement(By.id("operate-refused-" + search + "-dev")).getText())
        .contains("is not allowed").contains("group:default/team-search").contains("platform-engineer role");
    page.click("history-" + search + "-dev");
    page.waiting().until(d -> !d.findElements(By.id("rollback-refused")).isEmpty());
    assertThat(browser.findElement(By.id("rollback-refused")).getText()).contains("group:default/team-search");
    assertThat(browser.findElements(By.cssSelector("#history-grid vaadin-button[disabled]"))).isNotEmpty();
    page.screenshot("rollback-refused");

    // signing out ends the Keycloak session: the next visit asks for a password again
    browser.get(portal() + "/catalog");
    page.waiting().until(d -> !d.findElements(By.id("user-menu")).isEmpty());
    signOut();
    signInOnKeycloak("pat", null);
    assertThat(browser.findElement(By.id("user-menu")).getText()).contains("Pat Platform");

    browser.get(portal() + "/catalog/component/default/" + search + "?tab=deployments");
    page.waiting().until(d -> !d.findElements(By.id("history-" + search + "-dev")).isEmpty());
    assertThat(browser.findElements(By.id("operate-refused-" + search + "-dev"))).isEmpty();
    page.click("history-" + search + "-dev");
    page.waiting().until(d -> !d.findElements(By.cssSelector("#history-grid vaadin-button")).isEmpty());
    assertThat(browser.findElements(By.id("rollback-refused"))).isEmpty();
    String oldest = browser.findElements(By.cssSelector("#history-grid vaadin-button")).getLast().getAttribute("id");
    page.click(oldest);
    page.confirm();
    page.waiting().until(d -> d.findElement(By.id("deployment-outcome-" + search + "-dev")).getText()
        .contains("is back to"));
  }

  @Test
  void scriptsCallTheRestApiWithKeycloakAccessTokensAndTheSameRulesApply() throws Exception {
    String search = teamSearchService();
    KeycloakLogin.Tokens dana = KeycloakLogin.signIn(keycloak, "dana", "dana-password");
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> catalog = http.send(HttpRequest.newBuilder(URI.create(portal() + "/api/catalog/entities?limit=1"))
        .header("Authorization", "Bearer " + dana.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);

    HttpResponse<String> rollback = http.send(HttpRequest.newBuilder(
            URI.create(portal() + "/api/deployments/local/" + search + "-dev/rollback"))
        .header("Authorization", "Bearer " + dana.accessToken()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(403);
    assertThat(rollback.body()).contains("group:default/team-search").contains("\"permission\":\"operate\"");

    String forged = dana.accessToken().substring(0, dana.accessToken().lastIndexOf('.') + 1) + "AAAA";
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(portal() + "/api/catalog/entities"))
        .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as("a token whose signature does not check out").isEqualTo(401);

    // her personal access token acts with the roles her Keycloak token gave her
    String token = tokens.create("user:default/dana", "ci").token();
    HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(
            URI.create(portal() + "/api/deployments/local/" + search + "-dev/refresh"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(403);
  }
}
