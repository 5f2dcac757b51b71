package dev.paved.portal.goldenpaths;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.testing.IsolatedPortal;
import dev.paved.portal.testing.PortalTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scaffolding for real: a golden path becomes a repository on the embedded Git server (cloned here with
 * the git command line) and an entity in the catalog the moment the task ends; failures can be undone.
 */
class ScaffolderTest extends PortalTest {
  static final PortalUser JANE = TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example"));
  @Autowired Scaffolder scaffolder;
  @Autowired CatalogQueries catalog;
  @Autowired CatalogLocations locations;
  @Autowired GoldenPaths goldenPaths;

  static Map<String, Object> springBootAnswers(String name) {
    return Map.of("name", name, "owner", "group:default/team-payments", "javaPackage", "com.acme.payments",
        "repoUrl", "localhost:8080?owner=team-payments&repo=" + name);
  }

  TaskView awaitFinished(UUID id) {
    return IsolatedPortal.awaitFinished(scaffolder, id);
  }

  static String git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void aSpringBootServiceBecomesARepositoryAndACatalogEntity() throws Exception {
    String name = unique("payments").replace("-", "x").substring(0, 14);
    String key = UUID.randomUUID().toString();
    TaskView started = scaffolder.start("spring-boot-service", springBootAnswers(name), JANE, key).task();
    assertThat(scaffolder.start("spring-boot-service", springBootAnswers(name), JANE, key).task().id())
        .as("a double submit finds the first task").isEqualTo(started.id());
    PortalUser bob = TestUsers.engineer(new Actor("user:default/bob", "Bob", "bob@acme.example"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scaffolder.start("spring-boot-service", springBootAnswers(name), bob, key))
        .as("another user's key never leads to this task: Bob gets the name conflict, not Jane's task")
        .isInstanceOf(GoldenPathException.class);

    TaskView done = awaitFinished(started.id());
    assertThat(done.state()).as(done.error() + " " + done.log()).isEqualTo(State.SUCCEEDED);
    assertThat(done.steps()).extracting(Scaffolder.Step::id, Scaffolder.Step::state).contains(
        org.assertj.core.groups.Tuple.tuple("publish", "done"), org.assertj.core.groups.Tuple.tuple("register", "done"));
    assertThat(done.output().toString()).contains("component:default/" + name);
    // visible at once, without waiting for a refresh
    assertThat(catalog.get(EntityRef.parse("component:default/" + name))).isPresent();

    Path clone = Files.createTempDirectory("clone-");
    git(clone, "clone", "-q", WORK.resolve("git/team-payments/" + name + ".git").toString(), "svc");
    Path svc = clone.resolve("svc");
    assertThat(svc.resolve("pom.xml")).exists();
    assertThat(svc.resolve("src/main/java/com/acme/payments/Application.java")).exists();
    assertThat(Files.readString(svc.resolve("catalog-info.yaml"))).contains("name: " + name);
    assertThat(git(svc, "log", "--format=%an <%ae>|%s")).contains("Jane Doe <jane@acme.example>|Create " + name
        + " from the spring-boot-service golden path");
    assertThat(git(svc, "branch", "--show-current").trim()).isEqualTo("main");

    assertThatThrownBy(() -> scaffolder.start("spring-boot-service", springBootAnswers(name), JANE, null))
        .isInstanceOfSatisfying(GoldenPathException.class, e -> {
          assertThat(e.fieldProblems().get("repoUrl")).singleElement().asString().contains("already exists");
          assertThat(e.fieldProblems().get("name")).singleElement().asString().contains("component:default/" + name);
        });
  }

  @Test
  void aFailedTaskCanBeRetriedWithoutRepeatingItsPushAndUndoneLeavingNothing() throws Exception {
    String template = unique("broken-register");
    Path dir = write(template + "/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: %s}
        spec:
          type: service
          parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
          steps:
            - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
            - id: publish
              action: publish:git
              input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
            - id: register
              action: catalog:register
              input: {repoContentsUrl: '${{ steps.publish.output.cloneUrl }}', catalogInfoPath: missing.yaml}
        """.formatted(template)).getParent();
    write(template + "/skeleton/README.md", "# ${values.name}\n");
    locations.register("file", dir.resolve("template.yaml").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());

    String name = unique("search").substring(0, 14);
    Path repo = WORK.resolve("git/team-search/" + name + ".git");
    TaskView failed = awaitFinished(scaffolder.start(template, Map.of("name", name), JANE, null).task().id());
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).contains("register").contains("missing.yaml");
    assertThat(repo).as("the repository the failed task created").exists();

    TaskView retried = scaffolder.retry(failed.id(), JANE);
    retried = awaitFinished(retried.id());
    assertThat(retried.state()).isEqualTo(State.FAILED);
    assertThat(retried.log()).extracting(Scaffolder.LogLine::line).contains("done in an earlier try; not run again");

    TaskView undone = scaffolder.undo(failed.id(), JANE);
    undone = awaitFinished(undone.id());
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(repo).as("undo deletes the repository").doesNotExist();
    assertThat(undone.log()).extracting(Scaffolder.LogLine::line).anyMatch(l -> l.startsWith("deleted team-search/" + name));
    assertThatThrownBy(() -> scaffolder.undo(failed.id(), JANE)).hasMessageContaining("only a failed");
  }

  @Test
  void aGoldenPathRenderingABrokenDescriptorIsRefusedBeforeAnythingIsMade() {
    String template = unique("broken-descriptor");
    Path dir = write(template + "/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: %s}
        spec:
          type: service
          parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
          steps:
            - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
            - id: publish
              action: publish:git
              input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
        """.formatted(template)).getParent();
    write(template + "/skeleton/catalog-info.yaml", "kind: Component\nmetadata: {name: [${values.name}\n");
    locations.register("file", dir.resolve("template.yaml").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());
    int before = scaffolder.list(new Scaffolder.TaskFilter(null, null, 500)).size();
    String name = unique("broken").substring(0, 12);

    assertThatThrownBy(() -> scaffolder.start(template, Map.of("name", name), JANE, null))
        .isInstanceOfSatisfying(GoldenPathException.class, e -> {
          assertThat(e.conflict()).isFalse();
          assertThat(e.fieldProblems().get("(form)")).singleElement().asString().contains("catalog-info.yaml as rendered is not valid YAML");
        });
    assertThat(scaffolder.list(new Scaffolder.TaskFilter(null, null, 500))).hasSize(before);
    assertThat(WORK.resolve("git/team-search/" + name + ".git")).doesNotExist();
  }
}
