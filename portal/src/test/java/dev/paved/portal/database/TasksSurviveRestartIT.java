package dev.paved.portal.database;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.PavedApplication;
import dev.paved.portal.goldenpaths.Scaffolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A portal that stops while a task works leaves it marked, on the next start, as interrupted: the page
 * says so, and the task can be retried from where it stopped.
 */
class TasksSurviveRestartIT {
  static final PortalUser JANE = TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example"));

  private static ConfigurableApplicationContext start(Path work) {
    return new SpringApplicationBuilder(PavedApplication.class).run(
        "--server.port=0",
        "--paved.database.embedded.data-dir=" + work.resolve("postgres"),
        "--paved.catalog.file-roots[0]=" + work.resolve("files"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + work.resolve("files/config.yaml"),
        "--paved.catalog.git.cache-dir=" + work.resolve("git-cache"),
        "--paved.git.embedded.root=" + work.resolve("git"),
        "--paved.golden-paths.directories[0]=" + Path.of("../golden-paths/templates").toAbsolutePath().normalize());
  }

  @Test
  void aTaskRunningWhenThePortalStoppedIsInterruptedAndCanBeRetried() throws Exception {
    Path work = Files.createTempDirectory("paved-tasks-restart-");
    Files.createDirectories(work.resolve("files"));
    Files.writeString(work.resolve("files/config.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-restart}
        spec: {type: team, children: []}
        """);
    UUID id;
    try (ConfigurableApplicationContext first = start(work)) {
      Scaffolder scaffolder = first.getBean(Scaffolder.class);
      id = scaffolder.start("developer-namespace", Map.of("name", "restart-dev", "owner", "group:default/team-restart"),
          JANE, null).task().id();
      await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().finished());
      // what a portal killed during the policy check leaves behind
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      jdbc.update("update scaffold_task set state = 'running', finished_at = null where id = ?", id);
      jdbc.update("update scaffold_step set state = 'running' where task_id = ? and step_id = 'policy'", id);
    }
    try (ConfigurableApplicationContext second = start(work)) {
      Scaffolder scaffolder = second.getBean(Scaffolder.class);
      Scaffolder.TaskView interrupted = await().atMost(Duration.ofSeconds(30))
          .until(() -> scaffolder.get(id).orElseThrow(), t -> t.state().equals(Scaffolder.State.INTERRUPTED));
      assertThat(interrupted.steps()).filteredOn(s -> s.id().equals("policy")).extracting(Scaffolder.Step::state)
          .containsExactly("interrupted");
      assertThat(interrupted.log()).extracting(Scaffolder.LogLine::line)
          .anyMatch(l -> l.startsWith("The portal replica running this task stopped while it was working"));

      scaffolder.retry(id, JANE);
      Scaffolder.TaskView retried = await().atMost(Duration.ofSeconds(30))
          .until(() -> scaffolder.get(id).orElseThrow(), Scaffolder.TaskView::finished);
      assertThat(retried.state()).isEqualTo(Scaffolder.State.SUCCEEDED);
    }
  }
}
