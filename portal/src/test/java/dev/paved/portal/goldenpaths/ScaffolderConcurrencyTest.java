package dev.paved.portal.goldenpaths;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.testing.IsolatedPortal;
import dev.paved.portal.testing.PortalTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many people pressing Create at the same moment: distinct names all succeed, one name succeeds once. */
class ScaffolderConcurrencyTest extends PortalTest {
  static final PortalUser ACTOR = TestUsers.engineer(new Actor("user:default/load", "Load Test", "load@acme.example"));
  static String template;
  @Autowired Scaffolder scaffolder;
  @Autowired GoldenPaths goldenPaths;

  @BeforeAll
  static void writeTemplate(@Autowired CatalogLocations locations,
      @Autowired org.springframework.context.ApplicationContext context) {
    template = unique("tiny-service");
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
              input: {repoUrl: 'localhost:8080?owner=load&repo=${{ parameters.name }}'}
            - id: register
              action: catalog:register
              input: {repoContentsUrl: '${{ steps.publish.output.cloneUrl }}'}
        """.formatted(template)).getParent();
    write(template + "/skeleton/catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: ${values.name}}
        spec: {type: service, lifecycle: experimental, owner: group:team-search}
        """);
    TestUsers.useHolderOf(context); // before the test's own sign-in: this runs once for the class
    TestUsers.signIn(TestUsers.DEFAULT);
    locations.register("file", dir.resolve("template.yaml").toString());
  }

  private <T> List<Future<T>> atOnce(List<Callable<T>> calls) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      return pool.invokeAll(calls);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void twentyDistinctNamesAtOnceAllSucceed() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());
    String prefix = unique("d").substring(2, 8);
    List<Callable<Scaffolder.Started>> calls = IntStream.range(0, 20).<Callable<Scaffolder.Started>>mapToObj(i ->
        () -> scaffolder.start(template, Map.of("name", "s" + prefix + "-" + i), ACTOR, null)).toList();
    List<java.util.UUID> ids = new ArrayList<>();
    for (Future<Scaffolder.Started> f : atOnce(calls)) {
      ids.add(f.get().task().id());
    }
    for (java.util.UUID id : ids) {
      Scaffolder.TaskView task = IsolatedPortal.awaitFinished(scaffolder, id);
      assertThat(task.state()).as(task.error()).isEqualTo(State.SUCCEEDED);
    }
  }

  @Test
  void tenRequestsForOneNameAtOnceStartOneTaskAndTellTheOthersWhy() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());
    String name = "same" + unique("x").substring(2, 8);
    List<Callable<Object>> calls = IntStream.range(0, 10).<Callable<Object>>mapToObj(i -> () -> {
      try {
        return scaffolder.start(template, Map.of("name", name), ACTOR, null);
      } catch (GoldenPathException e) {
        return e;
      }
    }).toList();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : atOnce(calls)) {
      outcomes.add(f.get());
    }
    List<Scaffolder.Started> started = outcomes.stream().filter(Scaffolder.Started.class::isInstance)
        .map(Scaffolder.Started.class::cast).toList();
    assertThat(started).hasSize(1);
    assertThat(outcomes.stream().filter(GoldenPathException.class::isInstance).map(GoldenPathException.class::cast))
        .hasSize(9)
        .allSatisfy(e -> assertThat(e.fieldProblems().values().toString()).containsAnyOf("already creating", "already exists"));
    Scaffolder.TaskView task = IsolatedPortal.awaitFinished(scaffolder, started.get(0).task().id());
    assertThat(task.state()).isEqualTo(State.SUCCEEDED);
  }
}
