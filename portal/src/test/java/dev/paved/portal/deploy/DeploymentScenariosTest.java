package dev.paved.portal.deploy;

import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.access.PortalUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.argocd.FakeArgoCd;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.git.GitOps;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.testing.ArgoCdPortalTest;
import dev.paved.portal.testing.IsolatedPortal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Deploying through Argo CD from a golden path, and the day-2 operations, against the fake Argo CD: the
 * applications a scaffold creates, status arriving on the watch stream, a rollback that is a GitOps commit
 * and a sync, scale writing the replicas, restart calling the action, and Argo CD failing in each way.
 */
class DeploymentScenariosTest extends ArgoCdPortalTest {
  static final PortalUser JANE = DEVELOPER;

  @Autowired Scaffolder scaffolder;
  @Autowired Deployments deployments;
  @Autowired DeploymentOperations operations;
  @Autowired CatalogQueries catalog;
  @Autowired GitOps gitops;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void healArgo() {
    ARGO.heal();
    assertThat(ARGO.violations()).as("requests and answers outside the API document").isEmpty();
  }

  /** Scaffolds a Spring Boot service and waits until the portal sees its three applications. */
  String scaffold() {
    String name = scaffoldService(scaffolder);
    await().atMost(Duration.ofSeconds(10)).until(() -> deployments.of(entity(name)).size() == 3);
    return name;
  }

  EntityDetails entity(String name) {
    return catalog.get(EntityRef.parse("component:default/" + name)).orElseThrow();
  }

  @Test
  void aScaffoldedServiceGetsAnApplicationPerEnvironmentFromItsGitOpsFolder() {
    String name = scaffold();

    JsonNode dev = ARGO.application(name + "-dev").orElseThrow();
    assertThat(dev.path("metadata").path("labels").path("paved.dev/service").asString()).isEqualTo(name);
    assertThat(dev.path("spec").path("project").asString()).isEqualTo("team-payments");
    assertThat(dev.path("spec").path("destination").path("namespace").asString()).isEqualTo(name + "-dev");
    assertThat(dev.path("spec").path("sources").get(0).path("helm").path("valueFiles").get(0).asString())
        .isEqualTo("$values/" + name + "/dev/values.yaml");
    assertThat(dev.path("spec").path("sources").get(1).path("repoURL").asString()).isEqualTo(gitops.cloneUrl());
    assertThat(dev.path("spec").path("syncPolicy").path("automated").path("selfHeal").asBoolean()).isTrue();
    assertThat(deployments.of(entity(name))).extracting(Deployment::environment)
        .containsExactlyInAnyOrder("dev", "staging", "prod");
  }

  @Test
  void undoingTheScaffoldDeletesItsApplications() {
    String name = "svc" + UUID.randomUUID().toString().substring(0, 8);
    ARGO.put(FakeArgoCd.application(name + "-staging", "someone-else", "staging", "default"));
    TaskView failed = scaffold(scaffolder, name);

    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).contains("already has an application " + name + "-staging of the service someone-else");
    assertThat(ARGO.application(name + "-dev")).as("created before the conflict").isPresent();

    TaskView undone = IsolatedPortal.awaitFinished(scaffolder, scaffolder.undo(failed.id(), JANE).id());
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(ARGO.application(name + "-dev")).isEmpty();
    assertThat(ARGO.application(name + "-staging")).as("not ours: left alone").isPresent();
  }

  @Test
  void aStatusChangeOnTheWatchStreamReachesTheServicesDeployments() {
    String name = scaffold();
    ARGO.status(name + "-prod", "Degraded", "OutOfSync");

    await().atMost(Duration.ofSeconds(5)).until(() -> deployments.of(entity(name)).stream()
        .anyMatch(d -> d.environment().equals("prod") && d.health() == Health.DEGRADED));
  }

  @Test
  void rollbackWritesTheEarlierValuesBackToGitOpsAndSyncs() throws Exception {
    String name = scaffold();
    DeploymentRef dev = new DeploymentRef("local", name + "-dev");
    operations.sync(dev, false, false);
    long first = deployments.history(dev).getFirst().entry().id();
    byte[] original = gitops.read(null, name + "/dev/values.yaml").get(name + "/dev/values.yaml");
    String bumped = new String(original, StandardCharsets.UTF_8).replace("digest: \"\"", "digest: \"sha256:" + "b".repeat(64) + "\"");
    gitops.commit(Map.of(name + "/dev/values.yaml", bumped.getBytes(StandardCharsets.UTF_8)), List.of(), null,
        "Deploy sha256:bbbb", new Actor("user:default/ci", "CI", "ci@acme.example"));
    operations.sync(dev, false, false);
    assertThat(deployments.history(dev)).hasSize(2);
    int callsBefore = ARGO.calls().size();

    DeploymentOperations.Result result = operations.rollback(dev, first);

    assertThat(result.message()).contains("back to");
    byte[] now = gitops.read(null, name + "/dev/values.yaml").get(name + "/dev/values.yaml");
    assertThat(new String(now, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
    Map<String, Object> commit = describeHead();
    assertThat((String) commit.get("message")).startsWith("Roll back " + name + " dev to ")
        .endsWith(", by Developer");
    assertThat(commit.get("author")).isEqualTo("Developer <developer@localhost>");
    assertThat(ARGO.calls().subList(callsBefore, ARGO.calls().size()))
        .contains("POST /api/v1/applications/" + name + "-dev/sync");
    assertThat(jdbc.queryForList("select action, target, outcome, details::text as details from audit_event "
        + "where target = ? order by id", "deployment:local/" + name + "-dev")).extracting(r -> r.get("action"))
        .containsSubsequence("deployment.sync", "deployment.sync", "deployment.rollback");
  }

  @Test
  void scaleWritesTheReplicasToTheEnvironmentsValuesAndSyncs() throws Exception {
    String name = scaffold();

    operations.scale(new DeploymentRef("local", name + "-dev"), 4);
    operations.scale(new DeploymentRef("local", name + "-prod"), 4);

    String dev = new String(gitops.read(null, name + "/dev/values.yaml").get(name + "/dev/values.yaml"), StandardCharsets.UTF_8);
    assertThat(dev).contains("\nreplicas: 4").contains("# dev:");
    String prod = new String(gitops.read(null, name + "/prod/values.yaml").get(name + "/prod/values.yaml"), StandardCharsets.UTF_8);
    assertThat(prod).as("prod autoscales: the minimum moves, the chart's maximum stays").contains("  minReplicas: 4")
        .doesNotContain("maxReplicas");
    assertThat((String) describeHead().get("message")).isEqualTo("Scale " + name + " prod to 4 replicas, by Developer");
    assertThatThrownBy(() -> operations.scale(new DeploymentRef("local", name + "-prod"), 0))
        .hasMessageContaining("autoscales: an autoscaler's minimum cannot be 0");
    assertThat(ARGO.calls()).contains("POST /api/v1/applications/" + name + "-prod/sync");
    assertThatThrownBy(() -> operations.scale(new DeploymentRef("local", name + "-dev"), 500))
        .hasMessageContaining("between 0 and 50");
  }

  @Test
  void restartRunsArgoCdsRestartActionOnTheServicesDeployment() throws Exception {
    String name = scaffold();

    operations.restart(new DeploymentRef("local", name + "-staging"), null);

    JsonNode action = ARGO.bodies().getLast();
    assertThat(action.path("action").asString()).isEqualTo("restart");
    assertThat(action.path("kind").asString()).isEqualTo("Deployment");
    assertThat(action.path("resourceName").asString()).isEqualTo(name + "-staging");
    assertThat(action.path("group").asString()).isEqualTo("apps");
  }

  @Test
  void deleteNeedsTheNameTypedThenRemovesTheApplicationAndOnlyThatEnvironmentsGitOpsFolder() throws Exception {
    String name = scaffold();
    DeploymentRef staging = new DeploymentRef("local", name + "-staging");

    assertThatThrownBy(() -> operations.delete(staging, name + "-prod")).isInstanceOfSatisfying(DeploymentException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED)).hasMessageContaining("type the application's name");
    assertThat(ARGO.applicationNames()).contains(name + "-staging");

    DeploymentOperations.Result result = operations.delete(staging, name + "-staging");

    assertThat(result.message()).contains("Deleted " + name + "-staging", name + "/staging is gone from the GitOps");
    assertThat(ARGO.calls()).contains("DELETE /api/v1/applications/" + name + "-staging?cascade=true&propagationPolicy=foreground");
    assertThat(ARGO.applicationNames()).doesNotContain(name + "-staging").contains(name + "-dev", name + "-prod");
    await().until(() -> deployments.get(staging).isEmpty());
    assertThat(gitops.read(null, name + "/staging")).as("the environment's folder").isEmpty();
    assertThat(gitops.read(null, name + "/prod")).as("the other environments stay").isNotEmpty();
    assertThat(describeHead().get("message")).isEqualTo("Delete " + name + " staging, by Developer");
  }

  @Test
  void whenArgoCdFailsTheUserHearsTheRealReasonAndTheLastStateStays() throws Exception {
    String name = scaffold();
    DeploymentRef dev = new DeploymentRef("local", name + "-dev");

    ARGO.fail(403, 1);
    assertThatThrownBy(() -> operations.sync(dev, false, false)).isInstanceOfSatisfying(DeploymentException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN)).hasMessageContaining("permission denied");
    ARGO.fail(500, 1);
    assertThatThrownBy(() -> operations.restart(dev, null)).hasMessageContaining("HTTP 500");
    ARGO.fail(401, 1);
    assertThatThrownBy(() -> operations.refresh(dev, false)).hasMessageContaining("refused the portal's credentials");
    assertThatThrownBy(() -> operations.sync(new DeploymentRef("local", "nothing-here"), false, false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

    ARGO.slow(Duration.ofSeconds(4));
    long started = System.nanoTime();
    assertThatThrownBy(() -> operations.sync(dev, false, false)).hasMessageContaining("no answer within 2 s");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    ARGO.heal();

    ARGO.goOffline();
    assertThat(operations.scale(dev, 3).message()).as("the commit is made; Argo CD deploys it when it is back")
        .contains("but the sync could not be started").contains("could not be reached");
    await().until(() -> deployments.instances().stream().noneMatch(i -> i.reachable()));
    assertThat(deployments.of(entity(name))).as("the last known state").hasSize(3);
    assertThat(deployments.instances().getFirst().unreachableSince()).isNotNull();
    ARGO.heal();
    await().atMost(Duration.ofSeconds(15)).until(() -> deployments.instances().stream().allMatch(i -> i.reachable()));
    assertThat(jdbc.queryForObject("select count(*) from audit_event where target = ? and outcome = 'failure'",
        Integer.class, "deployment:local/" + name + "-dev")).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aConflictWhenCreatingTheApplicationFailsTheTaskAndUndoLeavesNothing() throws Exception {
    String name = "svc" + UUID.randomUUID().toString().substring(0, 8);
    ARGO.failOn("ApplicationService_Create", 409, 1);

    TaskView failed = scaffold(scaffolder, name);

    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.error()).contains("refused to create the application " + name + "-dev")
        .contains("conflicts with what exists");
    TaskView undone = IsolatedPortal.awaitFinished(scaffolder, scaffolder.undo(failed.id(), JANE).id());
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    assertThat(ARGO.applicationNames()).noneMatch(n -> n.startsWith(name));
    assertThat(gitops.read(null, name)).as("the GitOps folder").isEmpty();
    assertThat(WORK.resolve("git/team-payments/" + name + ".git")).as("the repository").doesNotExist();
    assertThat(catalog.get(EntityRef.parse("component:default/" + name))).as("the entity").isEmpty();
  }

  @Autowired dev.paved.portal.audit.AuditLog audit;
  @Autowired dev.paved.portal.settings.Settings settings;

  @Test
  void theOptInArgoCdRollbackSwitchesAutoSyncOffFirstAndSaysSo() throws Exception {
    String name = scaffold();
    DeploymentRef dev = new DeploymentRef("local", name + "-dev");
    operations.sync(dev, false, false);
    operations.sync(dev, false, false);
    long first = deployments.history(dev).getLast().entry().id();
    String gitopsHead = describeHead().get("message").toString();

    DeploymentOperations.Result result;
    TestUsers.signIn(TestUsers.ADA);
    settings.set("deployments.rollback", "argocd"); // the admin's runtime setting
    try {
      TestUsers.signIn(DEVELOPER);
      result = operations.rollback(dev, first);
    } finally {
      TestUsers.signIn(TestUsers.ADA);
      settings.reset("deployments.rollback");
      TestUsers.signIn(DEVELOPER);
    }

    assertThat(result.message()).contains("Argo CD rolled " + name + "-dev back to deployment " + first)
        .contains("Auto-sync of " + name + "-dev was switched off first");
    assertThat(ARGO.application(name + "-dev").orElseThrow().path("spec").path("syncPolicy").has("automated")).isFalse();
    assertThat(ARGO.calls()).contains("PATCH /api/v1/applications/" + name + "-dev",
        "POST /api/v1/applications/" + name + "-dev/rollback");
    assertThat(describeHead().get("message")).as("no GitOps commit in this mode").isEqualTo(gitopsHead);
  }

  /** The GitOps repository's newest commit, read from the embedded server's folder. */
  private Map<String, Object> describeHead() {
    try (var repo = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(WORK.resolve("git/platform/gitops.git").toFile());
        var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
      var commit = walk.parseCommit(repo.resolve("refs/heads/main"));
      return Map.of("message", commit.getFullMessage().strip(), "author",
          commit.getAuthorIdent().getName() + " <" + commit.getAuthorIdent().getEmailAddress() + ">");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
