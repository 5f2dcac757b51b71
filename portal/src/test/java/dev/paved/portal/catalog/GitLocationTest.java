package dev.paved.portal.catalog;

import static dev.paved.portal.catalog.FileLocationTest.component;
import static dev.paved.portal.testing.PortalTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.testing.PortalTest;
import dev.paved.portal.testing.TestGitServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Git locations against a real Git server (JGit smart HTTP), with content pushed by the real git
 * command line.
 */
class GitLocationTest extends PortalTest {
  static TestGitServer server;
  @Autowired CatalogLocations locations;
  @Autowired CatalogQueries queries;

  @BeforeAll
  static void startServer() {
    server = new TestGitServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private boolean exists(String ref) {
    return queries.get(EntityRef.parse(ref)).isPresent();
  }

  @Test
  void aGitLocationIsReadFollowedAndRefreshedFromNewCommits() {
    String repo = unique("payments");
    String svc = unique("svc");
    String api = unique("api");
    server.create(repo, Map.of(
        "catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: %s-all}
            spec:
              targets: [./services/svc.yaml]
            """.formatted(repo),
        "services/svc.yaml", component(svc, "team-payments") + "---\n" + """
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata: {name: %s}
            spec:
              type: openapi
              lifecycle: production
              owner: team-payments
              definition: {$text: ../openapi.yaml}
            """.formatted(api),
        "openapi.yaml", "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n"));
    String target = server.url(repo) + "#main:catalog-info.yaml";

    CatalogLocations.Preview preview = locations.preview("git", target);
    assertThat(preview.entities()).extracting(CatalogLocations.PreviewEntity::ref, CatalogLocations.PreviewEntity::status)
        .contains(org.assertj.core.groups.Tuple.tuple("component:default/" + svc, "new"));
    assertThat(exists("component:default/" + svc)).as("a preview stores nothing").isFalse();

    CatalogLocations.RefreshOutcome registered = locations.register("git", target);
    assertThat(registered.location().status()).isEqualTo("ok");
    assertThat(registered.location().entityCount()).isEqualTo(3);
    EntityDetails details = queries.get(EntityRef.parse("component:default/" + svc)).orElseThrow();
    assertThat(details.source().url()).isEqualTo(server.url(repo) + "#main:services/svc.yaml");
    assertThat(details.body().toString()).contains("backstage.io/managed-by-origin-location=git:" + target);

    assertThat(locations.refresh(registered.location().id()).outcome()).as("same commit").isEqualTo("unchanged");

    Map<String, String> change = new HashMap<>();
    change.put("services/svc.yaml", component(svc, "team-search"));
    server.commit(repo, change, "move the API out");
    CatalogLocations.RefreshOutcome refreshed = locations.refresh(registered.location().id());
    assertThat(refreshed.outcome()).isEqualTo("processed");
    assertThat(refreshed.written()).isEqualTo(1);
    assertThat(refreshed.removed()).isEqualTo(1);
    assertThat(queries.get(EntityRef.parse("component:default/" + svc)).orElseThrow().summary().owner())
        .isEqualTo("group:default/team-search");
    assertThat(exists("api:default/" + api)).isFalse();
  }

  @Test
  void aBrokenCommitKeepsTheLastGoodEntities() {
    String repo = unique("broken");
    String svc = unique("svc");
    server.create(repo, Map.of("catalog-info.yaml", component(svc, "team-a")));
    String id = locations.register("git", server.url(repo) + "#main:catalog-info.yaml").location().id();
    server.commit(repo, Map.of("catalog-info.yaml", "kind: [unclosed"), "oops");

    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.location().status()).isEqualTo("warning");
    assertThat(outcome.removed()).isZero();
    EntityDetails kept = queries.get(EntityRef.parse("component:default/" + svc)).orElseThrow();
    assertThat(kept.problems()).anyMatch(p -> p.contains("invalid YAML"));
  }

  @Test
  void anUnreachableServerIsAClearErrorAndNothingIsRegistered() {
    int before = locations.list().size();
    assertThatThrownBy(() -> locations.register("git", "http://127.0.0.1:9/acme/nothing.git#main:catalog-info.yaml"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("could not reach http://127.0.0.1:9/acme/nothing.git")
        .hasMessageContaining("Check the URL");
    assertThat(locations.list()).hasSize(before);
  }

  @Test
  void aServerThatGoesAwayLeavesTheEntitiesAndMarksTheLocation() {
    TestGitServer shortLived = new TestGitServer();
    String repo = unique("gone");
    String svc = unique("svc");
    shortLived.create(repo, Map.of("catalog-info.yaml", component(svc, "team-a")));
    String id = locations.register("git", shortLived.url(repo) + "#main:catalog-info.yaml").location().id();
    shortLived.close();

    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.outcome()).isEqualTo("failed");
    assertThat(outcome.location().status()).isEqualTo("error");
    assertThat(outcome.location().message()).contains("could not reach");
    EntityDetails kept = queries.get(EntityRef.parse("component:default/" + svc)).orElseThrow();
    assertThat(kept.problems()).anyMatch(p -> p.contains("last good version"));
  }

  @Test
  void aMissingBranchOrFileIsNamedInTheError() {
    String repo = unique("paths");
    server.create(repo, Map.of("catalog-info.yaml", component(unique("svc"), "t")));
    assertThatThrownBy(() -> locations.register("git", server.url(repo) + "#develop:catalog-info.yaml"))
        .hasMessageContaining("branch 'develop' was not found");
    assertThatThrownBy(() -> locations.register("git", server.url(repo) + "#main:nope/catalog-info.yaml"))
        .hasMessageContaining("nope/catalog-info.yaml does not exist on branch main");
  }

  @Test
  void aTargetEscapingTheRepositoryIsRefused() {
    String repo = unique("escape");
    server.create(repo, Map.of("catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: %s}
        spec:
          target: ../../etc/passwd
        """.formatted(repo)));
    CatalogLocations.RefreshOutcome outcome = locations.register("git", server.url(repo) + "#main:catalog-info.yaml");
    assertThat(outcome.location().problems()).anyMatch(p -> p.message().contains("points outside its source"));
  }
}
