package dev.paved.portal.goldenpaths;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.gitea.FakeGitea;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.testing.IsolatedPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scaffolding against a Git provider that misbehaves (a fake Gitea speaking its API and smart HTTP):
 * a refused push, a push dropped half-way, a GitOps repository that cannot be written after the service
 * repository was created. Each ends as a failed task that says why, and undo leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class ScaffoldingFaultsIT {
  static final String TOKEN = "fake-gitea-token-0123456789";
  static final PortalUser JANE = TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example"));
  static final FakeGitea GITEA = new FakeGitea(TOKEN, "acme");
  static final Path WORK = work();

  @Autowired Scaffolder scaffolder;

  private static Path work() {
    try {
      Path work = Files.createTempDirectory("paved-faults-");
      Path template = Files.createDirectories(work.resolve("templates/faulty-service/skeleton/gitops/dev"));
      Files.writeString(template.getParent().getParent().getParent().resolve("template.yaml"), """
          apiVersion: scaffolder.backstage.io/v1beta3
          kind: Template
          metadata: {name: faulty-service}
          spec:
            type: service
            parameters:
              required: [name, repoUrl]
              properties:
                name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}
                repoUrl: {type: string}
            steps:
              - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
              - {id: publish, action: publish:git, input: {repoUrl: '${{ parameters.repoUrl }}'}}
              - {id: gitops, action: publish:gitops, input: {service: '${{ parameters.name }}'}}
          """);
      Files.writeString(template.resolve("values.yaml"), "replicas: 1\n");
      Files.writeString(template.getParent().getParent().resolve("README.md"), "# ${values.name}\n");
      Files.createDirectories(work.resolve("files"));
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    IsolatedPortal.properties(registry, WORK);
    registry.add("paved.plugins.gitea.url", GITEA::url);
    registry.add("paved.plugins.gitea.token", () -> TOKEN);
    // a GitOps repository in an organisation Gitea does not have: it cannot be created
    registry.add("paved.git.gitops.repo-url", () -> GITEA.hostName() + "?owner=no-such-org&repo=gitops");
  }

  @AfterEach
  void behave() {
    GITEA.acceptPushes();
  }

  @AfterAll
  static void stop() {
    GITEA.close();
  }

  private TaskView run(String name) {
    UUID id = scaffolder.start("faulty-service", Map.of("name", name,
        "repoUrl", GITEA.hostName() + "?owner=acme&repo=" + name), JANE, null).task().id();
    return IsolatedPortal.awaitFinished(scaffolder, id);
  }

  private TaskView undo(TaskView task) {
    scaffolder.undo(task.id(), JANE);
    return IsolatedPortal.awaitFinished(scaffolder, task.id());
  }

  @Test
  void aRefusedPushFailsTheTaskARetryPushesToTheSameRepositoryAndUndoDeletesIt() {
    GITEA.refusePushes();
    TaskView failed = run("refused");
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).contains("publish").contains("could not push").contains("not permitted");
    assertThat(GITEA.hasRepository("acme", "refused")).as("created before the push").isTrue();

    GITEA.acceptPushes();
    scaffolder.retry(failed.id(), JANE);
    TaskView retried = IsolatedPortal.awaitFinished(scaffolder, failed.id());
    assertThat(retried.log()).extracting(Scaffolder.LogLine::line)
        .anyMatch(l -> l.contains("exists and is empty (an earlier try created it)"));
    assertThat(retried.steps()).extracting(Scaffolder.Step::id, Scaffolder.Step::state)
        .contains(org.assertj.core.groups.Tuple.tuple("publish", "done"));
    assertThat(retried.state()).as("the GitOps repository is still unwritable here").isEqualTo(State.FAILED);

    TaskView undone = undo(retried);
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(GITEA.hasRepository("acme", "refused")).isFalse();
  }

  @Test
  void aPushDroppedHalfWayFailsTheTaskAndUndoDeletesTheRepository() {
    GITEA.dropPushesMidway();
    TaskView failed = run("dropped");
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).contains("could not push");
    TaskView undone = undo(failed);
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(GITEA.hasRepository("acme", "dropped")).isFalse();
  }

  @Test
  void aGitOpsRepositoryThatCannotBeWrittenAfterTheServiceRepositoryExistsIsUndoneCleanly() {
    TaskView failed = run("no-gitops");
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.steps()).extracting(Scaffolder.Step::id, Scaffolder.Step::state).containsSubsequence(
        org.assertj.core.groups.Tuple.tuple("publish", "done"), org.assertj.core.groups.Tuple.tuple("gitops", "failed"));
    assertThat(failed.error()).contains("no organization no-such-org");
    assertThat(GITEA.hasRepository("acme", "no-gitops")).isTrue();

    TaskView undone = undo(failed);
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(GITEA.hasRepository("acme", "no-gitops")).isFalse();
  }
}
