package dev.paved.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.portal.PavedApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalog journey in a real browser (Debian's Chromium, headless): open the portal, filter the
 * catalog, open an entity. Screenshots land in {@code target/screenshots}; the README's come from here.
 */
@SpringBootTest(classes = PavedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogJourneyIT {
  static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    static dev.paved.portal.testing.Browser page;
  static WebDriver browser;
  static Path work;
  /** Argo CD for the Deployments tab, reading the portal's own Git server as Argo CD would read Git. */
  static final dev.paved.plugin.argocd.FakeArgoCd ARGO =
      dev.paved.portal.testing.GitBackedArgoCd.start(() -> work.resolve("git"));

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired dev.paved.portal.operations.Replicas replicas;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    work = Files.createTempDirectory("paved-browser-");
    registry.add("paved.database.embedded.data-dir", () -> work.resolve("postgres").toString());
    registry.add("paved.catalog.locations[0].type", () -> "file");
    registry.add("paved.catalog.locations[0].target", () -> REPO_ROOT.resolve("catalog-info/catalog-info.yaml").toString());
    registry.add("paved.catalog.file-roots[0]", () -> REPO_ROOT.resolve("catalog-info").toString());
    registry.add("paved.catalog.git.cache-dir", () -> work.resolve("git-cache").toString());
    registry.add("paved.golden-paths.directories[0]", () -> REPO_ROOT.resolve("golden-paths/templates").toString());
    registry.add("paved.git.embedded.root", () -> work.resolve("git").toString());
    registry.add("paved.plugins.argocd.instances.local.url", ARGO::url);
    registry.add("paved.plugins.argocd.instances.local.token", () -> dev.paved.plugin.argocd.FakeArgoCd.TOKEN);
  }

  @BeforeAll
  static void startBrowser() {
    page = dev.paved.portal.testing.Browser.start();
    browser = page.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (page != null) {
      page.close();
    }
    ARGO.close();
  }

  private WebDriverWait waiting() {
    return page.waiting();
  }


  private List<String> gridTexts() {
    return browser.findElements(By.cssSelector("#catalog-grid vaadin-grid-cell-content")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  private void click(String id) {
    page.click(id);
  }


  private void next() {
    page.next();
  }


  private void toReview() {
    page.toReview();
  }


  private List<String> cellsOf(String gridId) {
    return page.cellsOf(gridId);
  }


  private void confirm() {
    page.confirm();
  }


  private void screenshot(String name) {
    page.screenshot(name);
  }


  private static boolean signedIn;

  /**
   * Signs in once for the whole journey, as dana of team-payments with the embedded local accounts, the way a
   * newcomer does on a first run.
   */
  @org.junit.jupiter.api.BeforeEach
  void signInAsDana() throws IOException {
    if (signedIn) {
      return;
    }
    browser.get("http://127.0.0.1:" + port + "/catalog");
    waiting().until(d -> d.getCurrentUrl().contains("/login") && !d.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
    assertThat(browser.findElement(By.id("local-accounts-marker")).getText()).isEqualTo("Local accounts");
    screenshot("sign-in");
    browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("dana");
    browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("dana-password", org.openqa.selenium.Keys.ENTER);
    waiting().withMessage(() -> "still at " + browser.getCurrentUrl())
        .until(d -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.id("user-menu")).isEmpty());
    assertThat(browser.getCurrentUrl()).as("back where dana was going").contains("/catalog");
    assertThat(browser.findElement(By.id("user-menu")).getText()).contains("Dana Payments");
    assertThat(browser.findElement(By.id("local-accounts-badge")).getText()).isEqualTo("Local accounts");
    signedIn = true;
  }

  @Test
  void aDeveloperFiltersTheCatalogAndOpensAService() throws IOException {
    browser.get("http://127.0.0.1:" + port + "/");
    waiting().until(d -> gridTexts().contains("Payments service"));
    screenshot("catalog");

    WebElement search = browser.findElement(By.cssSelector("#catalog-search input"));
    search.sendKeys("payments");
    waiting().until(d -> !gridTexts().contains("Search service") && gridTexts().contains("Payments API"));
    assertThat(browser.getCurrentUrl()).contains("q=payments");
    screenshot("catalog-filtered");

    browser.findElements(By.cssSelector("#catalog-grid vaadin-grid-cell-content")).stream()
        .filter(e -> e.getText().equals("Payments service")).findFirst().orElseThrow().click();
    waiting().until(d -> d.getCurrentUrl().contains("catalog/component/default/payments-service"));
    WebElement title = waiting().until(d -> d.findElement(By.id("entity-title")));
    assertThat(title.getText()).isEqualTo("Payments service");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Authorises and captures card payments");
    screenshot("entity");

    browser.findElements(By.cssSelector("vaadin-tab")).stream().filter(t -> t.getText().equals("Relations"))
        .findFirst().orElseThrow().click();
    waiting().until(d -> d.findElement(By.id("entity-relations")).getText().contains("Provides APIs"));
    screenshot("entity-relations");
  }

  @Test
  void aSharedLinkOpensTheSameFilteredViewAndWorksAtPhoneWidth() throws IOException {
    browser.manage().window().setSize(new Dimension(420, 860));
    try {
      browser.get("http://127.0.0.1:" + port + "/catalog?kind=api&owner=team-payments");
      waiting().until(d -> gridTexts().contains("Payments API"));
      assertThat(gridTexts()).contains("Ledger events").doesNotContain("Search API", "Payments service");
      screenshot("catalog-phone");
    } finally {
      browser.manage().window().setSize(new Dimension(1400, 900));
    }
  }

  @Test
  void aDeveloperFindsAGoldenPathAndPreviewsIt() throws IOException {
    browser.get("http://127.0.0.1:" + port + "/templates");
    // the demo catalog's own template joins the built-in ones once the catalog is read
    waiting().until(d -> d.findElement(By.id("template-cards")).getText().contains("Team handbook"));
    assertThat(browser.findElement(By.id("template-cards")).getText())
        .contains("Spring Boot service", "Kafka worker", "Node.js service", "Developer namespace");
    screenshot("templates");

    browser.findElement(By.cssSelector("#template-search input")).sendKeys("namespace");
    waiting().until(d -> !d.findElement(By.id("template-cards")).getText().contains("Kafka worker"));
    browser.findElement(By.linkText("Developer namespace")).click();
    WebElement name = waiting().until(d -> d.findElement(By.cssSelector("#param-name input")));
    name.sendKeys("payments-dev");
    WebElement owner = browser.findElement(By.cssSelector("#param-owner input"));
    owner.sendKeys("group:default/team-payments");
    owner.sendKeys(org.openqa.selenium.Keys.ENTER);
    screenshot("template-form");
    toReview();
    assertThat(browser.findElement(By.id("template-review")).getText()).contains("payments-dev");
    click("template-preview");
    waiting().until(d -> d.findElement(By.id("preview-status")).getText().contains("Nothing was created"));
    waiting().until(d -> d.findElement(By.id("preview-content")).getText().contains("payments-dev"));
  }

  @Test
  void aDeveloperPreviewsThenCreatesASpringBootServiceAndClonesIt() throws Exception {
    browser.get("http://127.0.0.1:" + port + "/templates/spring-boot-service");
    waiting().until(d -> d.findElement(By.cssSelector("#param-name input"))).sendKeys("payments-api");
    WebElement owner = browser.findElement(By.cssSelector("#param-owner input"));
    owner.sendKeys("group:default/team-payments", org.openqa.selenium.Keys.ENTER);
    // the embedded Git server is the host already chosen; owner and name are typed
    next(); // the repository is on the second page
    List<WebElement> repo = browser.findElements(By.cssSelector("#param-repoUrl input"));
    assertThat(repo.get(0).getDomProperty("value")).isEqualTo("localhost:" + port);
    repo.get(1).sendKeys("team-payments", org.openqa.selenium.Keys.ENTER);
    repo.get(2).sendKeys("payments-api", org.openqa.selenium.Keys.TAB);
    toReview();
    screenshot("template-review");
    click("template-preview");
    waiting().until(d -> d.findElement(By.id("preview-status")).getText().contains("Nothing was created"));
    String steps = browser.findElement(By.id("preview-steps")).getText();
    assertThat(steps).contains("helm:lint", "policy:check", "every workload passes the policy checks");
    // gitops/dev/application.yaml: the first application.yaml of the tree (dev, prod, staging); the grid
    // renders only the rows in view, so scroll it down until the row exists
    WebElement devApplication = waiting().until(d -> {
      var cell = d.findElements(By.cssSelector("#preview-files vaadin-grid-cell-content")).stream()
          .filter(e -> e.getText().equals("application.yaml")).findFirst();
      if (cell.isEmpty()) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
            "const t = document.getElementById('preview-files').$.table; t.scrollTop = t.scrollTop + 200;");
      }
      return cell.orElse(null);
    });
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'})", devApplication);
    // a click event on the cell, as the user's: the preview next to the grid may overlap the cell's centre
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", devApplication);
    String cloneUrl = "http://localhost:" + port + "/git/team-payments/payments-api.git";
    waiting().until(d -> d.findElement(By.id("preview-content")).getText().contains("repoURL: " + cloneUrl));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.getElementById('preview-status').scrollIntoView()");
    screenshot("template-preview");

    WebElement create = browser.findElement(By.id("template-create"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", create);
    create.click();
    waiting().until(d -> d.getCurrentUrl().contains("/tasks/"));
    // the page follows the task live: no reload
    waiting().until(d -> d.findElement(By.id("task-state")).getText().equals("succeeded"));
    assertThat(browser.findElement(By.id("task-log")).getText()).contains("created team-payments/payments-api",
        "registered " + cloneUrl);
    screenshot("task");

    Path clones = Files.createTempDirectory("paved-clone-");
    Process git = new ProcessBuilder("git", "clone", "-q", cloneUrl, "svc").directory(clones.toFile())
        .redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes());
    assertThat(git.waitFor()).as(out).isZero();
    assertThat(clones.resolve("svc/pom.xml")).exists();
    assertThat(clones.resolve("svc/gitops")).as("deployment configuration lives in the GitOps repository").doesNotExist();
    Process gitops = new ProcessBuilder("git", "clone", "-q", "http://localhost:" + port + "/git/platform/gitops.git", "gitops")
        .directory(clones.toFile()).redirectErrorStream(true).start();
    String gitopsOut = new String(gitops.getInputStream().readAllBytes());
    assertThat(gitops.waitFor()).as(gitopsOut).isZero();
    assertThat(Files.readString(clones.resolve("gitops/payments-api/dev/application.yaml"))).contains("repoURL: " + cloneUrl);
    assertThat(clones.resolve("gitops/payments-api/prod/values.yaml")).exists();

    browser.findElement(By.id("task-entity-link")).click();
    waiting().until(d -> d.getCurrentUrl().contains("catalog/component/default/payments-api"));
    assertThat(waiting().until(d -> d.findElement(By.id("entity-title"))).getText()).isEqualTo("payments-api");

    // the Deployments tab: the applications argocd:create-app made, kept current from Argo CD's watch
    assertThat(ARGO.applicationNames()).contains("payments-api-dev", "payments-api-staging", "payments-api-prod");
    click("tab-deployments");
    waiting().until(d -> d.findElement(By.id("deployment-payments-api-prod")));
    ARGO.status("payments-api-prod", "Degraded", "OutOfSync");
    waiting().until(d -> d.findElement(By.id("deployment-status-payments-api-prod")).getText().contains("Degraded"));
    click("sync-payments-api-dev");
    confirm();
    waiting().until(d -> d.findElement(By.id("deployment-outcome-payments-api-dev")).getText().startsWith("Sync of"));
    assertThat(ARGO.calls()).contains("POST /api/v1/applications/payments-api-dev/sync");
    waiting().until(d -> d.findElement(By.id("deployment-status-payments-api-dev")).getText().contains("Synced"));
    WebElement resources = browser.findElement(By.cssSelector("#deployment-resources-payments-api-dev vaadin-details-summary"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", resources);
    resources.click();
    waiting().until(d -> cellsOf("resource-tree-payments-api-dev").stream().anyMatch(t -> t.startsWith("ReplicaSet")));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0); "
        + "document.getElementById('entity-title').scrollIntoView()");
    screenshot("deployments-tab");

    click("history-payments-api-dev");
    waiting().until(d -> cellsOf("history-grid").stream().anyMatch(t -> t.contains("Add payments-api")));
    screenshot("deployments-history");

    browser.get("http://127.0.0.1:" + port + "/deployments");
    waiting().until(d -> cellsOf("deployments-grid").contains("payments-api-prod"));
    screenshot("deployments");
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("/login", "/paved.css")) {
      var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
          .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
          assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"));
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
    }
    // every page of this journey ran under that policy: Vaadin works with it
  }

  @Test
  void aPlatformEngineerSeesWhichReplicaWatchesArgoCd() {
    browser.manage().deleteAllCookies(); // a fresh session: pat signs in instead of dana
    signedIn = false;
    try {
      browser.get("http://127.0.0.1:" + port + "/admin/cluster");
      waiting().until(d -> !d.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
      browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("pat");
      browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("pat-password", org.openqa.selenium.Keys.ENTER);
      waiting().until(d -> d.getCurrentUrl().contains("/admin/cluster") && !d.findElements(By.id("cluster-summary")).isEmpty());
      String self = replicas.self().id();
      waiting().until(d -> d.findElement(By.id("cluster-summary")).getText().contains("argocd-watch on " + self));
      assertThat(cellsOf("cluster-replicas")).contains(self + " (this page's)", "argocd-watch");
      page.click("cluster-refresh");
      browser.findElements(By.cssSelector("#cluster-jobs vaadin-grid-cell-content")).stream()
          .filter(c -> c.getText().equals("catalog-refresh")).findFirst().orElseThrow().click();
      waiting().until(d -> d.findElement(By.id("cluster-runs-title")).getText().equals("Recent runs of catalog-refresh"));
      waiting().until(d -> cellsOf("cluster-runs").contains("succeeded"));
      screenshot("cluster");
    } finally {
      browser.manage().deleteAllCookies();
    }
  }

  @Test
  void theApiPageRendersTheDefinition() throws IOException {
    browser.get("http://127.0.0.1:" + port + "/catalog/api/default/payments-api");
    waiting().until(d -> d.findElement(By.id("entity-title")).getText().equals("Payments API"));
    browser.findElements(By.cssSelector("vaadin-tab")).stream().filter(t -> t.getText().equals("Definition"))
        .findFirst().orElseThrow().click();
    waiting().until(d -> d.findElement(By.id("api-definition")).getText().contains("/payments/{id}/refunds"));
    screenshot("api-definition");
  }
}
