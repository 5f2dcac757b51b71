package dev.paved.portal.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.argocd.FakeArgoCd;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.operations.Leadership;
import dev.paved.portal.operations.Replicas;
import dev.paved.portal.testing.ArgoCdPortalTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one replica of this portal leads the Argo CD watch and writes what it sees to the database mirror,
 * which is what pages read. (Two replicas, one killed, are in {@code ReplicasIT}.)
 */
class DeploymentMirrorTest extends ArgoCdPortalTest {
  @Autowired Deployments deployments;
  @Autowired DeploymentTarget target;
  @Autowired Leadership leadership;
  @Autowired Replicas replicas;
  @Autowired JdbcTemplate db;
  @Autowired JsonMapper json;
  @Autowired ApplicationEventPublisher events;

  @Test
  void whatArgoCdReportsReachesPagesThroughTheMirrorAndNothingIsWrittenWhileNothingChanges() throws Exception {
    await().until(() -> replicas.self().id().equals(leadership.leaders().get(DeploymentMirror.ROLE)));
    DeploymentRef ref = new DeploymentRef("local", "mirror-dev");
    ARGO.put(FakeArgoCd.application("mirror-dev", "mirror", "dev", "team-payments"));
    await().until(() -> deployments.get(ref).isPresent());
    assertThat(db.queryForObject("select body ->> 'service' from deployment_mirror where kind = 'deployment' and name = ?",
        String.class, "mirror-dev")).isEqualTo("mirror");

    ARGO.status("mirror-dev", "Degraded", "OutOfSync");
    await().until(() -> deployments.get(ref).orElseThrow().health() == Health.DEGRADED);
    assertThat(deployments.get(ref)).as("read back from JSON, equal to what the watch saw: else the leader would"
        + " write it again each tick").isEqualTo(target.deployment(ref));

    target.sync(ref, false, false); // an operation with its times, and a last sync: all of it read back equal
    await().until(() -> deployments.get(ref).orElseThrow().operation() != null
        && deployments.get(ref).orElseThrow().lastSyncedAt() != null);
    await().until(() -> deployments.get(ref).equals(target.deployment(ref)));

    // Argo CD streams a line whenever it reconciles, changed or not; each moves the instance's last contact
    long written = latestWrite();
    await("nothing written: nothing a page shows changed").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250)).until(() -> {
          ARGO.update("mirror-dev", app -> { });
          return latestWrite() == written;
        });
  }

  @Test
  void anApplicationAnEarlierLeaderLeftInTheMirrorIsShownUntilTheWatchSaysItIsGone() {
    ARGO.put(FakeArgoCd.application("anchor-dev", "anchor", "dev", "team-payments"));
    await().until(() -> replicas.self().id().equals(leadership.leaders().get(DeploymentMirror.ROLE))
        && !target.deployments().isEmpty());
    List<DeploymentEvent> heard = new CopyOnWriteArrayList<>();
    Subscription subscription = deployments.subscribe(heard::add);
    try {
      Deployment some = target.deployments().getFirst();
      DeploymentRef ghostRef = new DeploymentRef(some.ref().instance(), "ghost-dev");
      Deployment ghost = new Deployment(ghostRef, "ghost", "dev", some.project(), "ghost-dev", some.labels(), some.sync(),
          some.health(), "", null, some.revisions(), some.sources(), null, false, List.of());
      // as a leader that died would have left it: Argo CD deleted the application while nobody watched
      db.update("insert into deployment_mirror (kind, instance, name, body) values ('deployment', ?, ?, cast(? as jsonb))",
          ghostRef.instance(), ghostRef.name(), json.writeValueAsString(ghost));
      events.publishEvent(new DeploymentMirror.Changed());

      await().until(() -> heard.stream().anyMatch(e -> e.type() == DeploymentEvent.Type.ADDED
          && e.deployment().ref().equals(ghostRef)));
      await().until(() -> heard.stream().anyMatch(e -> e.type() == DeploymentEvent.Type.DELETED
          && e.deployment().ref().equals(ghostRef)));
      assertThat(deployments.get(ghostRef)).isEmpty();
      assertThat(db.queryForObject("select body is null from deployment_mirror where name = 'ghost-dev'", Boolean.class))
          .as("kept without a body for replicas that read later").isTrue();
    } finally {
      subscription.close();
    }
  }

  private long latestWrite() {
    return db.queryForObject("select coalesce(max(seq), 0) from deployment_mirror", Long.class);
  }
}
