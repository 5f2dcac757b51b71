package dev.paved.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.testing.PortalTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** File locations through the real service, on real PostgreSQL: the rules that keep the catalog whole. */
class FileLocationTest extends PortalTest {
  @Autowired CatalogLocations locations;
  @Autowired CatalogQueries queries;
  @Autowired JdbcTemplate jdbc;

  static String component(String name, String owner) {
    return """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: %s
          description: the %s service
        spec:
          type: service
          lifecycle: production
          owner: %s
        """.formatted(name, name, owner);
  }

  private EntityDetails details(String name) {
    return queries.get(EntityRef.parse("component:default/" + name)).orElseThrow();
  }

  private boolean exists(String ref) {
    return queries.get(EntityRef.parse(ref)).isPresent();
  }

  @Test
  void oneBadEntityNeverBlocksItsSiblingsAndIsReportedWithFileAndReason() {
    String good = unique("good");
    String bad = unique("bad");
    Path file = write(unique("mixed") + ".yaml", component(good, "team-a") + "---\n"
        + component(bad, "team-a").replace("  lifecycle: production\n", ""));
    CatalogLocations.RefreshOutcome outcome = locations.register("file", file.toString());

    assertThat(exists("component:default/" + good)).isTrue();
    assertThat(exists("component:default/" + bad)).isFalse();
    assertThat(outcome.location().status()).isEqualTo("warning");
    assertThat(outcome.location().problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(FILES.relativize(file).toString());
      assertThat(p.document()).isEqualTo(2);
      assertThat(p.entity()).isEqualTo("component:default/" + bad);
      assertThat(p.message()).contains("spec.lifecycle is required");
    });
  }

  @Test
  void anEntityWhoseSourceBreaksKeepsItsLastGoodVersionWithTheErrorShown() throws Exception {
    String name = unique("svc");
    Path file = write(unique("keep") + ".yaml", component(name, "team-a"));
    String id = locations.register("file", file.toString()).location().id();

    Files.writeString(file, component(name, "team-b").replace("type: service", "type: [not, a, string]"));
    locations.refresh(id);
    EntityDetails kept = details(name);
    assertThat(kept.summary().owner()).isEqualTo("group:default/team-a");
    assertThat(kept.summary().hasErrors()).isTrue();
    assertThat(kept.problems()).anyMatch(p -> p.contains("spec.type is required"));

    Files.writeString(file, component(name, "team-b"));
    locations.refresh(id);
    EntityDetails fixed = details(name);
    assertThat(fixed.summary().owner()).isEqualTo("group:default/team-b");
    assertThat(fixed.problems()).isEmpty();
  }

  @Test
  void malformedYamlKeepsTheFilesEntitiesAndShowsTheErrorOnThem() throws Exception {
    String name = unique("svc");
    Path file = write(unique("broken") + ".yaml", component(name, "team-a"));
    String id = locations.register("file", file.toString()).location().id();

    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: [oops\n");
    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.removed()).isZero();
    assertThat(details(name).problems()).anyMatch(p -> p.contains("invalid YAML at line"));
  }

  @Test
  void aBrokenParentFileKeepsTheEntitiesOfTheFilesItPointsTo() throws Exception {
    String dir = unique("parent");
    String child = unique("child");
    String sibling = unique("sibling");
    Path parent = write(dir + "/catalog-info.yaml", component(sibling, "t") + "---\n" + """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: %s}
        spec: {targets: [./child.yaml]}
        """.formatted(dir));
    write(dir + "/child.yaml", component(child, "t"));
    String id = locations.register("file", parent.toString()).location().id();
    assertThat(exists("component:default/" + child)).isTrue();

    // a syntax error in the first document: the Location after it is never read this time
    Files.writeString(parent, "apiVersion: [oops\n---\n" + Files.readString(parent));
    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.removed()).isZero();
    assertThat(exists("component:default/" + child)).isTrue();
    assertThat(exists("component:default/" + sibling)).isTrue();
  }

  @Test
  void aNulCharacterIsAProblemOfItsEntityNotOfTheRefresh() {
    String good = unique("good");
    String nul = unique("nul");
    Path file = write(unique("nul") + ".yaml", component(good, "t") + "---\n"
        + component(nul, "t").replace("description: the", "description: \"a\\0b\" #"));
    CatalogLocations.RefreshOutcome outcome = locations.register("file", file.toString());
    assertThat(exists("component:default/" + good)).isTrue();
    assertThat(exists("component:default/" + nul)).isFalse();
    assertThat(outcome.location().problems()).anyMatch(p -> p.message().contains("NUL character"));
  }

  @Test
  void anEntityItsSourceNoLongerEmitsIsRemoved() throws Exception {
    String stays = unique("stays");
    String goes = unique("goes");
    Path file = write(unique("removal") + ".yaml", component(stays, "t") + "---\n" + component(goes, "t"));
    String id = locations.register("file", file.toString()).location().id();
    assertThat(exists("component:default/" + goes)).isTrue();

    Files.writeString(file, component(stays, "t"));
    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.removed()).isEqualTo(1);
    assertThat(exists("component:default/" + goes)).isFalse();
    assertThat(exists("component:default/" + stays)).isTrue();
  }

  @Test
  void theFirstLocationKeepsAnEntityAndTheSecondGetsAConflict() {
    String name = unique("shared");
    Path first = write(unique("first") + ".yaml", component(name, "team-first"));
    Path second = write(unique("second") + ".yaml", component(name, "team-second"));
    locations.register("file", first.toString());
    CatalogLocations.RefreshOutcome outcome = locations.register("file", second.toString());

    assertThat(details(name).summary().owner()).isEqualTo("group:default/team-first");
    assertThat(outcome.location().problems()).singleElement().satisfies(p ->
        assertThat(p.message()).contains("conflict").contains(first.getFileName().toString()));
  }

  @Test
  void locationEntitiesAreFollowedRelativeToTheirFileAndCyclesAndEscapesAreReported() {
    String dir = unique("nest");
    String a = unique("a");
    String b = unique("b");
    write(dir + "/all.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: %s}
        spec:
          targets: [./teams/b.yaml, ../../../../etc/passwd, https://evil.example/x.yaml]
        ---
        """.formatted(a) + component(a, "t"));
    write(dir + "/teams/b.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata: {name: %s}
        spec:
          target: ../all.yaml
        ---
        """.formatted(b) + component(b, "t"));
    CatalogLocations.RefreshOutcome outcome = locations.register("file", FILES.resolve(dir + "/all.yaml").toString());

    assertThat(exists("component:default/" + a)).isTrue();
    assertThat(exists("component:default/" + b)).isTrue();
    assertThat(exists("location:default/" + b)).isTrue();
    List<String> messages = outcome.location().problems().stream().map(LocationProblem::message).toList();
    assertThat(messages).anyMatch(m -> m.startsWith("Location cycle: " + dir + "/all.yaml -> " + dir + "/teams/b.yaml -> " + dir + "/all.yaml"));
    assertThat(messages).anyMatch(m -> m.contains("points outside its source"));
    assertThat(messages).anyMatch(m -> m.contains("must be a relative path inside the same source"));
  }

  @Test
  void textSubstitutionsReadFilesNextToTheDescriptor() {
    String name = unique("api");
    String dir = unique("subst");
    write(dir + "/openapi.yaml", "openapi: 3.0.0\ninfo: {title: X, version: '1'}\npaths: {}\n");
    write(dir + "/schema.json", "{\"type\": \"object\"}");
    Path file = write(dir + "/catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: %s
          annotations:
            schema: {$text: ./schema.json}
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: {$text: ./openapi.yaml}
        """.formatted(name));
    locations.register("file", file.toString());
    EntityDetails api = queries.get(EntityRef.parse("api:default/" + name)).orElseThrow();
    assertThat(((java.util.Map<?, ?>) api.body().get("spec")).get("definition")).asString().startsWith("openapi: 3.0.0");
  }

  @Test
  void aSubstitutionThatEscapesOrIsMissingIsAnErrorOnTheEntity() {
    String name = unique("api");
    Path file = write(unique("subst-bad") + ".yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata: {name: %s}
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          definition: {$text: ../../../../etc/passwd}
        """.formatted(name));
    CatalogLocations.RefreshOutcome outcome = locations.register("file", file.toString());
    assertThat(exists("api:default/" + name)).isFalse();
    assertThat(outcome.location().problems()).anyMatch(p -> p.message().contains("spec.definition: $text")
        && p.message().contains("points outside its source"));
  }

  @Test
  void anAliasBombIsRefusedAndTheRestOfTheCatalogKeepsWorking() throws Exception {
    Path file = write(unique("bomb") + ".yaml",
        new String(getClass().getResourceAsStream("/descriptors/alias-bomb.yaml").readAllBytes()));
    CatalogLocations.RefreshOutcome outcome = locations.register("file", file.toString());
    assertThat(outcome.location().problems()).anyMatch(p -> p.message().contains("too many YAML aliases"));
    assertThat(exists("component:default/payments-service")).isTrue();
  }

  @Test
  void aHugeFileIsRefusedWithTheLimitAndNothingElseBreaks() throws Exception {
    // 64 MB is the configured limit: one byte more is refused before it is parsed
    Path file = FILES.resolve(unique("huge") + ".yaml");
    try (var out = Files.newOutputStream(file)) {
      byte[] block = ("# " + "x".repeat(1021) + "\n").getBytes();
      for (int i = 0; i < 64 * 1024; i++) {
        out.write(block);
      }
      out.write('\n');
    }
    int before = locations.list().size();
    assertThatThrownBy(() -> locations.register("file", file.toString())).isInstanceOf(CatalogException.class)
        .hasMessageContaining("more than the 67108864 bytes allowed (paved.catalog.max-file-size)");
    assertThat(locations.list()).hasSize(before);
    Files.delete(file);
    assertThat(exists("component:default/payments-service")).isTrue();
  }

  @Test
  void anUnchangedSourceIsNotReprocessedAndOnlyChangedEntitiesAreWritten() throws Exception {
    String a = unique("a");
    String b = unique("b");
    Path file = write(unique("incr") + ".yaml", component(a, "t") + "---\n" + component(b, "t"));
    String id = locations.register("file", file.toString()).location().id();

    assertThat(locations.refresh(id).outcome()).isEqualTo("unchanged");
    String updatedBefore = jdbc.queryForObject("select updated_at::text from catalog_entity where name = ?", String.class, a);

    Files.writeString(file, component(a, "t") + "---\n" + component(b, "other-team"));
    CatalogLocations.RefreshOutcome outcome = locations.refresh(id);
    assertThat(outcome.outcome()).isEqualTo("processed");
    assertThat(outcome.written()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select updated_at::text from catalog_entity where name = ?", String.class, a))
        .isEqualTo(updatedBefore);
  }

  @Test
  void filesOutsideTheAllowedFoldersAreRefusedAndNothingIsStored() {
    int before = locations.list().size();
    assertThatThrownBy(() -> locations.register("file", "/etc/passwd"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("outside the folders the catalog may read");
    assertThat(locations.list()).hasSize(before);
  }

  @Test
  void deletingALocationRemovesItsEntitiesButConfiguredLocationsStay() {
    String name = unique("temp");
    Path file = write(unique("del") + ".yaml", component(name, "t"));
    String id = locations.register("file", file.toString()).location().id();
    locations.delete(id);
    assertThat(exists("component:default/" + name)).isFalse();

    LocationView demo = locations.list().stream().filter(l -> l.origin().equals("config")).findFirst().orElseThrow();
    assertThatThrownBy(() -> locations.delete(demo.id())).hasMessageContaining("comes from the configuration");
  }

  @Test
  void theDemoCatalogIsLoadedWithRelationsBothWays() {
    EntityDetails team = queries.get(EntityRef.parse("group:default/team-payments")).orElseThrow();
    assertThat(team.relations()).extracting(EntityDetails.RelationView::type, EntityDetails.RelationView::targetRef)
        .contains(
            org.assertj.core.groups.Tuple.tuple("hasMember", "user:default/alice"),
            org.assertj.core.groups.Tuple.tuple("ownerOf", "component:default/payments-service"),
            org.assertj.core.groups.Tuple.tuple("childOf", "group:default/engineering"));
    EntityDetails api = queries.get(EntityRef.parse("api:default/payments-api")).orElseThrow();
    assertThat(api.relations()).extracting(EntityDetails.RelationView::type, EntityDetails.RelationView::targetRef)
        .contains(org.assertj.core.groups.Tuple.tuple("apiProvidedBy", "component:default/payments-service"),
            org.assertj.core.groups.Tuple.tuple("apiConsumedBy", "component:default/checkout-web"));
  }

  @Test
  void referencesToMissingEntitiesAreKeptAndMarked() {
    String name = unique("orphan");
    Path file = write(unique("missing") + ".yaml", component(name, "no-such-team"));
    locations.register("file", file.toString());
    assertThat(details(name).relations()).anySatisfy(r -> {
      assertThat(r.targetRef()).isEqualTo("group:default/no-such-team");
      assertThat(r.targetExists()).isFalse();
    });
  }
}
