package dev.paved.portal.goldenpaths;

import static dev.paved.portal.testing.PortalTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.testing.PortalTest;
import dev.paved.portal.testing.TestGitServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A platform team keeps its golden paths in its own Git repository: registering the repository in the
 * catalog offers its Template entities, with their skeletons read from the same commit, and a new
 * commit changes what is offered.
 */
class CatalogTemplatesTest extends PortalTest {
  static TestGitServer server;
  @Autowired CatalogLocations locations;
  @Autowired GoldenPaths goldenPaths;

  @BeforeAll
  static void startServer() {
    server = new TestGitServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static String template(String name, String version, String extra) {
    return """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: %s
          title: Static site
          description: A documentation site
          tags: [docs, team-owned]
          annotations: {paved.dev/version: %s}
        spec:
          owner: group:team-docs
          type: website
          parameters:
            - title: Site
              required: [name]
              properties:
                name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}
          steps:
            - id: fetch
              name: Render
              action: fetch:template
              input:
                url: ./skeleton
                values: {name: '${{ parameters.name }}'}
        %s""".formatted(name, version, extra);
  }

  @Test
  void templatesInARegisteredRepositoryAreOfferedWithTheirSkeletonAndVersion() {
    String repo = unique("platform-templates");
    String site = unique("site");
    String evil = unique("evil");
    Map<String, String> files = new HashMap<>();
    files.put("catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: %s}
        spec:
          targets: [./templates/site/template.yaml, ./templates/evil/template.yaml, ./templates/clash/template.yaml]
        """.formatted(repo));
    files.put("templates/site/template.yaml", template(site, "2.1.0", ""));
    files.put("templates/site/skeleton/README.md", "# ${values.name}\n");
    files.put("templates/site/skeleton/docs/index.md", "Welcome to ${values.name?upper_case}\n");
    files.put("templates/site/tests/basic.yaml", "name: demo\n");
    files.put("templates/evil/template.yaml", template(evil, "1.0.0", ""));
    files.put("templates/evil/skeleton/x.txt", "${'1+1'?eval}\n");
    files.put("templates/clash/template.yaml", template("developer-namespace", "9.9.9", ""));
    files.put("templates/clash/skeleton/x.txt", "x\n");
    server.create(repo, files);

    locations.register("git", server.url(repo) + "#main:catalog-info.yaml");

    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(site).isPresent());
    GoldenPathSummary offered = goldenPaths.get(site).orElseThrow();
    assertThat(offered.version()).isEqualTo("2.1.0");
    assertThat(offered.entityRef()).isEqualTo("template:default/" + site);
    assertThat(offered.source()).contains(server.url(repo)).contains("templates/site").matches(".* @ [0-9a-f]{12}$");
    assertThat(offered.tags()).containsExactly("docs", "team-owned");

    DryRunResult run = goldenPaths.dryRun(site, Map.of("name", "handbook"));
    assertThat(run.succeeded()).isTrue();
    assertThat(run.files()).extracting(DryRunResult.File::path, DryRunResult.File::text)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("README.md", "# handbook\n"),
            org.assertj.core.groups.Tuple.tuple("docs/index.md", "Welcome to HANDBOOK\n"));

    assertThat(goldenPaths.get(evil)).as("a template using ?eval is not offered").isEmpty();
    assertThat(goldenPaths.problems().get("template:default/" + evil)).contains("x.txt").contains("eval");
    assertThat(goldenPaths.get("developer-namespace").orElseThrow().version())
        .as("the folder's golden path keeps its name").isEqualTo("1.1.0");
    assertThat(goldenPaths.problems().get("template:default/developer-namespace")).contains("already offered");

    server.commit(repo, Map.of("templates/site/template.yaml", template(site, "2.2.0", ""),
        "templates/site/skeleton/README.md", "# ${values.name} (v2.2)\n"), "new version");
    CatalogLocations.RefreshOutcome outcome = locations.refresh(locations.list().stream()
        .filter(l -> l.target().startsWith(server.url(repo))).findFirst().orElseThrow().id());
    assertThat(outcome.written()).isPositive();
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(site).map(GoldenPathSummary::version)
        .orElse("").equals("2.2.0"));
    assertThat(goldenPaths.dryRun(site, Map.of("name", "handbook")).files())
        .anySatisfy(f -> assertThat(f.text()).isEqualTo("# handbook (v2.2)\n"));

    // a commit that changes only the skeleton changes no entity, and is still picked up
    server.commit(repo, Map.of("templates/site/skeleton/README.md", "# ${values.name}, fixed\n"), "skeleton fix");
    locations.refresh(locations.list().stream().filter(l -> l.target().startsWith(server.url(repo))).findFirst()
        .orElseThrow().id());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.dryRun(site, Map.of("name", "handbook")).files()
        .stream().anyMatch(f -> "# handbook, fixed\n".equals(f.text())));
  }

  @Test
  void removingTheLocationWithdrawsItsTemplates() {
    String repo = unique("more-templates");
    String site = unique("site");
    server.create(repo, Map.of("template.yaml", template(site, "1.0.0", ""), "skeleton/a.md", "${values.name}\n"));
    CatalogLocations.RefreshOutcome registered = locations.register("git", server.url(repo) + "#main:template.yaml");
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(site).isPresent());
    assertThat(goldenPaths.dryRun(site, Map.of("name", "xy")).files()).extracting(DryRunResult.File::path)
        .containsExactly("a.md");

    locations.delete(registered.location().id());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(site).isEmpty());
  }
}
