package dev.paved.portal.goldenpaths;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.testing.IsolatedPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tasks under stress: the database goes away for a moment in the middle of one (every connection cut,
 * PostgreSQL frozen for three seconds) and it carries on; another is cancelled while a step works and is
 * then undone. Everything lands in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class TaskResilienceIT {
  static final Path WORK = work();
  @Autowired Scaffolder scaffolder;

  private static Path work() {
    try {
      Path work = Files.createTempDirectory("paved-outage-");
      Path template = Files.createDirectories(work.resolve("templates/outage/skeleton"));
      Files.writeString(template.getParent().resolve("template.yaml"), """
          apiVersion: scaffolder.backstage.io/v1beta3
          kind: Template
          metadata: {name: outage}
          spec:
            type: service
            parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
            steps:
              - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
              - {id: outage, action: 'test:database-outage'}
              - id: publish
                action: publish:git
                input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
          """);
      Files.writeString(template.resolve("README.md"), "# ${values.name}\n");
      Path slow = Files.createDirectories(work.resolve("templates/slow/skeleton"));
      Files.writeString(slow.getParent().resolve("template.yaml"), """
          apiVersion: scaffolder.backstage.io/v1beta3
          kind: Template
          metadata: {name: slow}
          spec:
            type: service
            parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
            steps:
              - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
              - id: publish
                action: publish:git
                input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
              - {id: wait, action: 'test:wait-for-cancel'}
              - {id: never, action: fs:delete, input: {files: [README.md]}}
          """);
      Files.writeString(slow.resolve("README.md"), "# ${values.name}\n");
      Files.createDirectories(work.resolve("files"));
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    IsolatedPortal.properties(registry, WORK);
  }

  /** A step that cuts the portal's database connections and freezes PostgreSQL for three seconds. */
  @TestConfiguration
  static class Outage {
    @Bean
    ScaffolderAction databaseOutage(DataSource dataSource) {
      return new ScaffolderAction() {
        @Override
        public String id() {
          return "test:database-outage";
        }

        @Override
        public String description() {
          return "makes the database unavailable for a moment";
        }

        @Override
        public Map<String, Object> inputSchema() {
          return Map.of("type", "object");
        }

        @Override
        public boolean supportsDryRun() {
          return false;
        }

        @Override
        public void run(ActionContext context) throws ActionException {
          try (Connection c = DriverManager.getConnection(((HikariDataSource) dataSource).getJdbcUrl(), "postgres", "");
              Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where pid <> pg_backend_pid() and backend_type = 'client backend'");
            long postmaster = Long.parseLong(Files.readAllLines(WORK.resolve("postgres/postmaster.pid")).get(0).trim());
            new ProcessBuilder("kill", "-STOP", Long.toString(postmaster)).start().waitFor();
            Thread.ofPlatform().daemon().start(() -> {
              try {
                Thread.sleep(3_000);
                new ProcessBuilder("kill", "-CONT", Long.toString(postmaster)).start().waitFor();
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
          } catch (Exception e) {
            throw new ActionException("could not interrupt the database: " + e);
          }
          context.log("the database is away for three seconds");
        }
      };
    }
  }

  /** A long step that notices a cancel, as a real long action would. */
  @TestConfiguration
  static class Slow {
    @Bean
    ScaffolderAction waitForCancel() {
      return new ScaffolderAction() {
        @Override
        public String id() {
          return "test:wait-for-cancel";
        }

        @Override
        public String description() {
          return "works until the task is cancelled";
        }

        @Override
        public Map<String, Object> inputSchema() {
          return Map.of("type", "object");
        }

        @Override
        public void run(ActionContext context) throws ActionException {
          context.log("working");
          long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
          while (!context.cancelled() && System.nanoTime() < until) {
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new ActionException("interrupted");
            }
          }
          throw new ActionException("stopped: the task was cancelled");
        }
      };
    }
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private List<String> audit(UUID task) {
    return jdbc.queryForList("select action || ' ' || outcome from audit_event where target = ? order by id",
        String.class, "task:" + task);
  }

  @Test
  void aCancelledTaskStopsAfterItsStepAndIsUndoneWithEverythingAudited() {
    PortalUser jane = TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example"));
    UUID id = scaffolder.start("slow", Map.of("name", "cancelled"), jane, null).task().id();
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().log().stream()
        .anyMatch(l -> l.line().equals("working")));
    assertThat(scaffolder.cancel(id, jane).state()).isIn(State.CANCELLING, State.CANCELLED);
    TaskView cancelled = IsolatedPortal.awaitFinished(scaffolder, id);
    assertThat(cancelled.state()).isEqualTo(State.CANCELLED);
    assertThat(cancelled.steps()).extracting(Scaffolder.Step::state).containsExactly("done", "done", "cancelled", "pending");
    assertThat(WORK.resolve("git/team-search/cancelled.git")).exists();

    scaffolder.undo(id, jane);
    TaskView undone = IsolatedPortal.awaitFinished(scaffolder, id);
    assertThat(undone.state()).isEqualTo(State.UNDONE);
    assertThat(WORK.resolve("git/team-search/cancelled.git")).doesNotExist();
    assertThat(audit(id)).containsExactly("scaffold.start requested", "scaffold.cancel requested",
        "scaffold.run cancelled", "scaffold.undo requested", "scaffold.undo success");
  }

  @Test
  void aCancelAskedThroughAnotherReplicaStopsTheTaskWhereItRuns() {
    PortalUser jane = TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example"));
    UUID id = scaffolder.start("slow", Map.of("name", "cancelled-elsewhere"), jane, null).task().id();
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().log().stream()
        .anyMatch(l -> l.line().equals("working")));
    // what another replica's cancel writes: this replica's own cancel flag is never set
    assertThat(jdbc.update("update scaffold_task set state = ? where id = ? and state = ?", State.CANCELLING, id,
        State.RUNNING)).isEqualTo(1);

    TaskView cancelled = IsolatedPortal.awaitFinished(scaffolder, id);
    assertThat(cancelled.state()).isEqualTo(State.CANCELLED);
    assertThat(cancelled.steps()).extracting(Scaffolder.Step::state).containsExactly("done", "done", "cancelled", "pending");
  }

  @Test
  void aTaskOutlivesAShortDatabaseOutageWithItsRecordComplete() {
    UUID id = scaffolder.start("outage", Map.of("name", "outlives"),
        TestUsers.engineer(new Actor("user:default/jane", "Jane Doe", "jane@acme.example")), null).task().id();
    // a page reading the task during the outage gets an error, and the next poll its answer
    TaskView done = IsolatedPortal.awaitFinished(scaffolder, id);
    assertThat(done.state()).as(done.error()).isEqualTo(State.SUCCEEDED);
    assertThat(done.steps()).extracting(Scaffolder.Step::state).containsExactly("done", "done", "done");
    assertThat(done.log()).extracting(Scaffolder.LogLine::line).contains("the database is away for three seconds")
        .anyMatch(l -> l.startsWith("created team-search/outlives"));
    assertThat(WORK.resolve("git/team-search/outlives.git")).exists();
    assertThat(List.of(done.steps().get(2).hasUndo())).containsExactly(true);
    assertThat(audit(id)).containsExactly("scaffold.start requested", "scaffold.run success");
  }
}
