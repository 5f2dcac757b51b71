package dev.paved.plugin.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.Health;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.deploy.InstanceState;
import dev.paved.plugin.deploy.LogLine;
import dev.paved.plugin.deploy.LogListener;
import dev.paved.plugin.deploy.LogQuery;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.plugin.deploy.SyncStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ArgoCdDeploymentTargetTest {
  private final FakeArgoCd argo = new FakeArgoCd();
  private ArgoCdDeploymentTarget target;

  @BeforeEach
  void twoApplications() {
    argo.put(FakeArgoCd.application("payments-dev", "payments", "dev", "team-payments"));
    argo.put(FakeArgoCd.application("search-dev", "search", "dev", "team-search"));
    target = target(instance(FakeArgoCd.TOKEN, null, null, Duration.ofSeconds(2)));
    await().until(() -> target.deployments().size() == 2);
  }

  @AfterEach
  void stop() {
    target.close();
    argo.close();
    assertThat(argo.violations()).as("requests and answers outside the API document").isEmpty();
  }

  @Test
  void listsEveryApplicationOnceAndFollowsTheWatchStream() {
    Deployment payments = target.deployment(new DeploymentRef("dev", "payments-dev")).orElseThrow();
    assertThat(payments.service()).isEqualTo("payments");
    assertThat(payments.environment()).isEqualTo("dev");
    assertThat(payments.health()).isEqualTo(Health.HEALTHY);
    assertThat(argo.calls()).filteredOn(c -> c.startsWith("GET /api/v1/applications")).hasSize(1);
    List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
    target.subscribe(events::add);

    argo.status("payments-dev", "Degraded", "OutOfSync");

    await().untilAsserted(() -> assertThat(target.deployment(new DeploymentRef("dev", "payments-dev")).orElseThrow().health())
        .isEqualTo(Health.DEGRADED));
    assertThat(events).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(DeploymentEvent.Type.MODIFIED);
      assertThat(e.deployment().sync()).isEqualTo(SyncStatus.OUT_OF_SYNC);
    });
    assertThat(argo.calls()).contains("GET /api/v1/stream/applications");
  }

  @Test
  void stopsWatchingWhenToldAndStartsOverFromAFullList() throws Exception {
    List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
    target.subscribe(events::add);

    target.stopWatching();

    assertThat(target.deployments()).as("a replica that no longer watches shows nothing stale").isEmpty();
    long watchesBefore = watchRequests();
    assertThat(target.sync(new DeploymentRef("dev", "payments-dev"), false, false).ref().name())
        .as("operations work without the watch").isEqualTo("payments-dev");
    argo.status("payments-dev", "Degraded", "OutOfSync");
    assertThat(target.deployments()).as("an operation's answer does not bring a stale cache back").isEmpty();
    assertThat(events).as("stopping tells subscribers nothing: the watch is somewhere else now").isEmpty();
    assertThat(watchRequests()).isEqualTo(watchesBefore);

    Instant restarted = Instant.now();
    target.startWatching();
    target.startWatching(); // already watching: nothing more

    await().untilAsserted(() -> {
      assertThat(target.deployments()).hasSize(2);
      assertThat(target.instances().get(0).lastContact()).as("the contract: contact after the start means listed")
          .isAfterOrEqualTo(restarted.minusMillis(1));
    });
    assertThat(target.deployment(new DeploymentRef("dev", "payments-dev")).orElseThrow().health()).isEqualTo(Health.DEGRADED);
    await().until(() -> watchRequests() == watchesBefore + 1);
  }

  @Test
  void syncsOneSourceOfAMultiSourceApplicationAlsoWhereAnotherReplicaWatches() throws Exception {
    argo.update("payments-dev", app -> {
      ObjectNode spec = (ObjectNode) app.get("spec");
      spec.remove("source");
      var sources = spec.putArray("sources");
      sources.addObject().put("repoURL", "https://git.acme.example/acme/payments.git").put("targetRevision", "main")
          .put("path", "chart");
      sources.addObject().put("repoURL", "https://git.acme.example/acme/gitops.git").put("targetRevision", "main")
          .put("ref", "values");
    });
    target.stopWatching(); // as on a replica that does not lead the watch: nothing cached
    DeploymentRef ref = new DeploymentRef("dev", "payments-dev");

    target.syncRevision(ref, 1, "0123456789abcdef0123456789abcdef01234567");

    List<String> deployed = target.history(ref).getLast().revisions();
    assertThat(deployed).hasSize(2);
    assertThat(deployed.get(1)).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(deployed.get(0)).as("the chart's source keeps its own revision").isNotEqualTo(deployed.get(1));
  }

  private long watchRequests() {
    return argo.calls().stream().filter("GET /api/v1/stream/applications"::equals).count();
  }

  @Test
  void resumesWhenTheStreamIsCutAndSeesWhatChangedMeanwhile() {
    argo.dropStreams();
    argo.status("search-dev", "Progressing", "Synced");
    argo.put(FakeArgoCd.application("orders-dev", "orders", "dev", "team-payments"));

    await().untilAsserted(() -> {
      assertThat(target.deployments()).extracting(d -> d.ref().name()).contains("orders-dev");
      assertThat(target.deployment(new DeploymentRef("dev", "search-dev")).orElseThrow().health()).isEqualTo(Health.PROGRESSING);
    });
  }

  @Test
  void keepsTheLastKnownStateAndSaysSinceWhenArgoCdIsUnreachable() {
    argo.goOffline();

    await().untilAsserted(() -> assertThat(target.instances()).singleElement()
        .satisfies(state -> assertThat(state.reachable()).isFalse()));
    InstanceState down = target.instances().get(0);
    assertThat(down.unreachableSince()).isNotNull();
    assertThat(down.problem()).contains("could not be reached");
    assertThat(target.deployments()).hasSize(2);
    assertThatThrownBy(() -> target.sync(new DeploymentRef("dev", "payments-dev"), false, false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("could not be reached to sync payments-dev");

    argo.heal();
    argo.status("payments-dev", "Degraded", "Synced");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(target.instances().get(0).reachable()).isTrue();
      assertThat(target.deployment(new DeploymentRef("dev", "payments-dev")).orElseThrow().health()).isEqualTo(Health.DEGRADED);
    });
  }

  @Test
  void aSlowArgoCdIsGivenUpOnAfterTheRequestTimeout() {
    argo.slow(Duration.ofSeconds(5));
    long started = System.nanoTime();

    assertThatThrownBy(() -> target.refresh(new DeploymentRef("dev", "payments-dev"), false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("no answer within 2 s");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    argo.heal();
  }

  @Test
  void errorAnswersBecomeReasonsWithArgoCdsOwnMessage() {
    DeploymentRef ref = new DeploymentRef("dev", "payments-dev");
    argo.fail(403, 1);
    assertThatThrownBy(() -> target.sync(ref, false, false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN))
        .hasMessageContaining("permission denied").hasMessageContaining("argocd-rbac-cm");
    argo.fail(500, 1);
    assertThatThrownBy(() -> target.sync(ref, false, false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
        .hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> target.sync(new DeploymentRef("dev", "nothing-dev"), false, false))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
        .hasMessageContaining("\"nothing-dev\" not found");
  }

  @Test
  void aWrongTokenIsReportedWithTheSettingToFix() {
    try (ArgoCdDeploymentTarget wrong = target(instance("not-the-token", null, null, Duration.ofSeconds(2)))) {
      assertThatThrownBy(() -> wrong.history(new DeploymentRef("dev", "payments-dev")))
          .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED))
          .hasMessageContaining("paved.plugins.argocd.instances.dev.token");
    }
  }

  @Test
  void signsInWithAnAccountAndSignsInAgainWhenTheSessionExpires() throws Exception {
    try (ArgoCdDeploymentTarget account = target(instance(null, FakeArgoCd.USERNAME, FakeArgoCd.PASSWORD, Duration.ofSeconds(2)))) {
      assertThat(account.history(new DeploymentRef("dev", "payments-dev"))).isEmpty();
      argo.expireSessions();
      assertThat(account.history(new DeploymentRef("dev", "payments-dev"))).isEmpty();
      assertThat(argo.calls()).filteredOn(c -> c.equals("POST /api/v1/session")).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void syncRecordsAHistoryEntryAndItsCommitCanBeRead() throws Exception {
    DeploymentRef ref = new DeploymentRef("dev", "payments-dev");
    Deployment synced = target.sync(ref, true, false);

    assertThat(synced.sync()).isEqualTo(SyncStatus.SYNCED);
    assertThat(synced.operation().phase()).isEqualTo("Succeeded");
    assertThat(argo.bodies().getLast().path("prune").asBoolean()).isTrue();
    List<HistoryEntry> history = target.history(ref);
    assertThat(history).singleElement().satisfies(h -> assertThat(h.revisions()).hasSize(1));
    assertThat(target.revision(ref, history.get(0).revisions().get(0), 0).message()).startsWith("commit ");
  }

  @Test
  void argoCdsRollbackIsRefusedUnderAutoSyncAndWorksWithItOff() throws Exception {
    ObjectNode auto = FakeArgoCd.application("orders-dev", "orders", "dev", "team-payments");
    auto.withObject("/spec").putObject("syncPolicy").putObject("automated").put("prune", true);
    argo.put(auto);
    DeploymentRef ref = new DeploymentRef("dev", "orders-dev");
    target.sync(ref, false, false);
    target.sync(ref, false, false);

    assertThatThrownBy(() -> target.rollback(ref, 0))
        .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
        .hasMessageContaining("auto-sync is enabled");

    assertThat(target.setAutoSync(ref, false).autoSync()).isFalse();
    target.rollback(ref, 0);
    assertThat(argo.application("orders-dev").orElseThrow().path("status").path("history")).hasSize(3);
  }

  @Test
  void restartRunsArgoCdsRestartActionOnTheDeployment() throws Exception {
    DeploymentRef ref = new DeploymentRef("dev", "payments-dev");
    List<ResourceNode> tree = target.resourceTree(ref);
    assertThat(tree).extracting(ResourceNode::kind).contains("Deployment", "ReplicaSet", "Pod", "Service");
    ResourceNode deployment = tree.stream().filter(n -> n.kind().equals("Deployment")).findFirst().orElseThrow();
    ResourceNode pod = tree.stream().filter(n -> n.kind().equals("Pod")).findFirst().orElseThrow();
    assertThat(tree).filteredOn(n -> n.kind().equals("ReplicaSet")).singleElement()
        .satisfies(rs -> assertThat(rs.parentUids()).containsExactly(deployment.uid()));
    assertThat(pod.info()).containsEntry("Status Reason", "Running");

    target.restart(ref, deployment);

    assertThat(argo.bodies().getLast().path("action").asString()).isEqualTo("restart");
    assertThat(argo.bodies().getLast().path("kind").asString()).isEqualTo("Deployment");
    assertThat(argo.bodies().getLast().path("resourceName").asString()).isEqualTo("payments-dev");
    assertThatThrownBy(() -> target.restart(ref, pod)).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("offers no restart for Pod");
  }

  @Test
  void logsAreTailedFilteredAndFollowed() throws Exception {
    for (int i = 1; i <= 5; i++) {
      argo.log("payments-dev-5d9f7c-ax1z", (i % 2 == 0 ? "WARN " : "INFO ") + "line " + i);
    }
    Lines tail = new Lines();
    target.logs(new DeploymentRef("dev", "payments-dev"), new LogQuery("payments-dev", "payments-dev-5d9f7c-ax1z", "", 2,
        false, "INFO"), tail);
    await().until(() -> tail.ended.get() != null);
    assertThat(tail.lines).extracting(LogLine::content).containsExactly("INFO line 3", "INFO line 5");

    Lines follow = new Lines();
    Subscription following = target.logs(new DeploymentRef("dev", "payments-dev"), new LogQuery("payments-dev",
        "payments-dev-5d9f7c-ax1z", "", 1, true, ""), follow);
    await().until(() -> follow.lines.size() == 1);
    argo.log("payments-dev-5d9f7c-ax1z", "INFO line 6");
    await().until(() -> follow.lines.size() == 2);
    following.close();
    await().until(() -> follow.ended.get() != null);
    assertThat(follow.lines.get(1).content()).isEqualTo("INFO line 6");
  }

  @Test
  void trustsAnArgoCdBehindAPrivateCertificateAuthorityOnlyWithItsCaFile() throws Exception {
    try (FakeArgoCd tls = new FakeArgoCd(true)) {
      tls.put(FakeArgoCd.application("shop-dev", "shop", "dev", "default"));
      ArgoCdProperties.Instance trusting = new ArgoCdProperties.Instance(URI.create(tls.url()), FakeArgoCd.TOKEN, null,
          null, tls.caPem(), Duration.ofSeconds(2), Duration.ofSeconds(2), "", "argocd", List.of());
      try (ArgoCdDeploymentTarget ok = target(trusting)) {
        assertThat(ok.resourceTree(new DeploymentRef("dev", "shop-dev"))).isNotEmpty();
      }
      ArgoCdProperties.Instance notTrusting = new ArgoCdProperties.Instance(URI.create(tls.url()), FakeArgoCd.TOKEN, null,
          null, null, Duration.ofSeconds(2), Duration.ofSeconds(2), "", "argocd", List.of());
      try (ArgoCdDeploymentTarget refused = target(notTrusting)) {
        assertThatThrownBy(() -> refused.resourceTree(new DeploymentRef("dev", "shop-dev")))
            .isInstanceOfSatisfying(DeploymentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
            .hasMessageContaining("certificate is not trusted").hasMessageContaining("instances.dev.ca-file");
      }
      assertThat(tls.violations()).isEmpty();
    }
  }

  private ArgoCdDeploymentTarget target(ArgoCdProperties.Instance instance) {
    ArgoCdDeploymentTarget watching = new ArgoCdDeploymentTarget(new ArgoCdProperties(Map.of("dev", instance), Map.of(), ""),
        Clock.systemUTC(), Duration.ofMinutes(10), Duration.ofMillis(200));
    watching.startWatching();
    return watching;
  }

  private ArgoCdProperties.Instance instance(String token, String username, String password, Duration timeout) {
    return new ArgoCdProperties.Instance(URI.create(argo.url()), token, username, password, null, Duration.ofSeconds(2),
        timeout, "", "argocd", List.of());
  }

  /** Collects a log stream. */
  private static final class Lines implements LogListener {
    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final AtomicReference<Object> ended = new AtomicReference<>();

    @Override
    public void line(LogLine line) {
      lines.add(line);
    }

    @Override
    public void ended(DeploymentException problem) {
      ended.set(problem == null ? "ok" : problem);
    }
  }
}
