package dev.paved.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.plugin.argocd.FakeArgoCd;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentTarget;
import dev.paved.plugin.deploy.Health;
import dev.paved.portal.PavedApplication;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.deploy.internal.DeploymentMirror;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.identity.AccessTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several replicas on one PostgreSQL, as the Helm chart runs them: replica B is a separate JVM (so it can be
 * killed with SIGKILL, as a node failure would), replica A runs in the test's JVM (so the test can look inside).
 * The catalog refresh runs once per interval across them, Argo CD is watched by one of them and what it sees
 * shows on all, a task started on one is visible and heard on the other, and when B dies holding the
 * refresh's lease, the watch and a running task, A takes the refresh and the watch over and marks the task
 * interrupted; when A stops cleanly, it hands the watch over at once.
 */
class ReplicasIT {
  private static final Duration REFRESH = Duration.ofSeconds(2);
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private Path work;
  private String jdbcUrl;
  private FakeArgoCd argo;

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable c : cleanup.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
  }

  @Test
  void refreshRunsOnceTasksAreSharedAndTheSurvivorTakesOverFromAKilledReplica() throws Exception {
    work = Files.createTempDirectory("paved-replicas-");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    cleanup.add(postgres);
    jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
    Files.createDirectories(work.resolve("files"));
    Files.writeString(work.resolve("files/catalog.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-payments}
        spec: {type: team, children: []}
        """);
    StallingGitServer stalling = new StallingGitServer();
    cleanup.add(stalling);
    argo = new FakeArgoCd();
    cleanup.add(argo);
    argo.put(FakeArgoCd.application("payments-dev", "payments", "dev", "team-payments"));

    // B starts alone, and is holding the catalog refresh's lease (reading a Git host that does not answer)
    Process b = startReplica("b");
    String bId = db.queryForObject("select id from portal_replica", String.class);
    db.update("insert into catalog_location (id, type, target, origin) values (?, 'git', ?, 'user')", UUID.randomUUID(),
        "http://127.0.0.1:" + stalling.port() + "/acme/catalog.git#main:catalog-info.yaml");
    db.update("update cluster_job set next_run_at = now() where name = 'catalog-refresh'");
    await().atMost(Duration.ofSeconds(30)).until(() -> stalling.connections() > 0);
    assertThat(holder(db, "job:catalog-refresh")).isEqualTo(bId);

    // A joins
    ConfigurableApplicationContext a = startInProcess("a");
    Replicas replicasOnA = a.getBean(Replicas.class);
    assertThat(replicasOnA.alive()).extracting(Replicas.Replica::id).containsExactlyInAnyOrder(bId, replicasOnA.self().id());
    assertThat(holder(db, "job:catalog-refresh")).as("A did not run the refresh B is running").isEqualTo(bId);

    // Argo CD is watched once, by B (it started first); A shows what B saw, from the database, as it changes
    Deployments deploymentsOnA = a.getBean(Deployments.class);
    Leadership leadershipOnA = a.getBean(Leadership.class);
    DeploymentRef payments = new DeploymentRef("local", "payments-dev");
    assertThat(deploymentsOnA.get(payments)).as("shown as soon as A is up").isPresent();
    assertThat(leadershipOnA.leaders()).containsEntry(DeploymentMirror.ROLE, bId);
    argo.status("payments-dev", "Degraded", "OutOfSync");
    await().atMost(Duration.ofSeconds(10)).until(() -> deploymentsOnA.get(payments).orElseThrow().health() == Health.DEGRADED);
    assertThat(watchRequests()).as("only B watches Argo CD").isEqualTo(1);

    // a task started on B (through its REST API) is visible on A, and A hears of its changes as they happen
    Set<UUID> heardOnA = ConcurrentHashMap.newKeySet();
    a.addApplicationListener(event -> {
      if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof Scaffolder.TaskChanged changed) {
        heardOnA.add(changed.id());
      }
    });
    // dana signs in on B with the sign-in form (her roles and groups, recorded then, are what her token acts with)
    signIn(b, "dana");
    String token = a.getBean(AccessTokens.class).create("user:default/dana", "replicas test").token();
    HttpResponse<String> created = http().send(HttpRequest.newBuilder(replicaUrl(b, "/api/templates/developer-namespace/tasks"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"replica-dev\", \"owner\": \"group:default/team-payments\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode() + " " + created.body()).startsWith("201 ");
    UUID task = UUID.fromString(created.headers().firstValue("Location").orElseThrow().replace("/api/tasks/", ""));
    Scaffolder scaffolderOnA = a.getBean(Scaffolder.class);
    Scaffolder.TaskView seenOnA = await().atMost(Duration.ofSeconds(60))
        .until(() -> scaffolderOnA.get(task).orElseThrow(), Scaffolder.TaskView::finished);
    assertThat(seenOnA.state()).isEqualTo(Scaffolder.State.SUCCEEDED);
    await().atMost(Duration.ofSeconds(10)).until(() -> heardOnA.contains(task));
    // what B leaves behind if it dies in the middle of a step
    db.update("update scaffold_task set state = 'running', finished_at = null where id = ?", task);

    // B dies without a word; the Git host answers again
    b.destroyForcibly().waitFor();
    stalling.answerFromNowOn();
    argo.put(FakeArgoCd.application("orders-dev", "orders", "dev", "team-payments")); // while nobody watches
    ClusterJobs jobsOnA = a.getBean(ClusterJobs.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> jobsOnA.runs("catalog-refresh", 10).stream()
        .anyMatch(r -> r.replica().equals(replicasOnA.self().id()) && r.finishedAt() != null
            && r.startedAt().isAfter(abandonedRunOf(jobsOnA, bId))));
    assertThat(jobsOnA.runs("catalog-refresh", 10)).filteredOn(r -> r.replica().equals(bId))
        .extracting(ClusterJobs.JobRun::outcome).contains("abandoned");
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolderOnA.get(task).orElseThrow().state(),
        Scaffolder.State.INTERRUPTED::equals);
    assertThat(replicasOnA.alive()).extracting(Replicas.Replica::id).containsExactly(replicasOnA.self().id());
    // and A watches Argo CD now: it sees what changed while nobody watched, and what changes next
    await().atMost(Duration.ofSeconds(30)).until(() -> replicasOnA.self().id().equals(leadershipOnA.leaders()
        .get(DeploymentMirror.ROLE)) && deploymentsOnA.get(new DeploymentRef("local", "orders-dev")).isPresent());
    argo.status("payments-dev", "Healthy", "Synced");
    await().atMost(Duration.ofSeconds(10)).until(() -> deploymentsOnA.get(payments).orElseThrow().health() == Health.HEALTHY);
    assertThat(watchRequests()).as("A opened the one new watch").isEqualTo(2);

    // a new replica C joins A: the refresh still runs once per interval, never twice at a time
    Process c = startReplica("c");
    Instant bothUp = Instant.now();
    long runsBefore = db.queryForObject("select runs from cluster_job where name = 'catalog-refresh'", Long.class);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        db.queryForObject("select runs from cluster_job where name = 'catalog-refresh'", Long.class) >= runsBefore + 5);
    List<ClusterJobs.JobRun> runs = new ArrayList<>(jobsOnA.runs("catalog-refresh", 100).stream()
        .filter(r -> r.finishedAt() != null && r.startedAt().isAfter(bothUp.minusSeconds(1))).toList());
    runs.sort(Comparator.comparing(ClusterJobs.JobRun::startedAt));
    assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).startedAt()).as("run %d starts an interval after run %d ended", i, i - 1)
          .isAfterOrEqualTo(runs.get(i - 1).finishedAt().plus(REFRESH));
    }
    assertThat(replicasOnA.alive()).hasSize(2);
    assertThat(watchRequests()).as("C does not watch Argo CD: A still does").isEqualTo(2);
    assertThat(leadershipOnA.leaders()).containsEntry(DeploymentMirror.ROLE, replicasOnA.self().id());

    // C hears of a deletion A's watch saw, through the mirror
    URI ordersOnC = replicaUrl(c, "/api/deployments/local/orders-dev");
    assertThat(get(ordersOnC, token).statusCode()).isEqualTo(200);
    a.getBean(DeploymentTarget.class).delete(new DeploymentRef("local", "orders-dev"));
    await().atMost(Duration.ofSeconds(10)).until(() -> get(ordersOnC, token).statusCode() == 404);

    // A stops cleanly: it releases the watch at once instead of letting it lapse, and C takes it
    String aId = replicasOnA.self().id();
    a.close();
    assertThat(holder(db, "leader:" + DeploymentMirror.ROLE)).as("A released the watch as it stopped").isNotEqualTo(aId);
    await().atMost(Duration.ofSeconds(10)).until(() -> holder(db, "leader:" + DeploymentMirror.ROLE) != null
        && watchRequests() == 3);
    c.destroy();
    c.waitFor();
  }

  private static Instant abandonedRunOf(ClusterJobs jobs, String replica) {
    return jobs.runs("catalog-refresh", 10).stream().filter(r -> r.replica().equals(replica))
        .map(ClusterJobs.JobRun::startedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
  }

  /** Signs in with the sign-in form, as a browser does: the form's CSRF token comes from the page. */
  private void signIn(Process replica, String user) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String page = browser.send(HttpRequest.newBuilder(replicaUrl(replica, "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("the sign-in page carries its CSRF token").isTrue();
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(replicaUrl(replica, "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "username=" + user + "&password=" + user + "-password&_csrf=" + csrf.group(1))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  private static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
    return http().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long watchRequests() {
    return argo.calls().stream().filter("GET /api/v1/stream/applications"::equals).count();
  }

  private static String holder(JdbcTemplate db, String lease) {
    return db.queryForList("select holder from cluster_lock where name = ? and locked_until > now()", String.class, lease)
        .stream().findFirst().orElse(null);
  }

  private List<String> settings(String replica) {
    return List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--paved.cluster.lease=3s", "--paved.cluster.heartbeat=500ms", "--paved.cluster.tick=500ms",
        "--paved.catalog.refresh-interval=" + REFRESH.toSeconds() + "s",
        "--paved.catalog.file-roots[0]=" + work.resolve("files"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + work.resolve("files/catalog.yaml"),
        "--paved.catalog.git.timeout=120s",
        "--paved.catalog.git.cache-dir=" + work.resolve(replica + "/git-cache"),
        "--paved.git.embedded.root=" + work.resolve(replica + "/git"),
        "--paved.golden-paths.directories[0]=" + Path.of("../golden-paths/templates").toAbsolutePath().normalize(),
        "--paved.plugins.argocd.instances.local.url=" + argo.url(),
        "--paved.plugins.argocd.instances.local.token=" + FakeArgoCd.TOKEN,
        "--paved.plugins.argocd.reconnect-backoff=200ms");
  }

  private ConfigurableApplicationContext startInProcess(String replica) {
    List<String> args = new ArrayList<>(settings(replica));
    args.add("--server.port=0");
    ConfigurableApplicationContext context = new SpringApplicationBuilder(PavedApplication.class).run(args.toArray(String[]::new));
    cleanup.add(context);
    return context;
  }

  private final java.util.Map<Process, Integer> ports = new ConcurrentHashMap<>();

  /** Another replica in its own JVM, with the test's class path, as a pod would run the jar. */
  private Process startReplica(String replica) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx768m", "-cp", System.getProperty("java.class.path"),
        PavedApplication.class.getName()));
    command.addAll(settings(replica));
    command.add("--server.port=" + port);
    Path log = Path.of("target/replicas-it/" + replica + ".log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    cleanup.add(() -> process.destroyForcibly().waitFor());
    ports.put(process, port);
    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("replica " + replica + " stopped; see " + log.toAbsolutePath());
      }
      try {
        return http().send(HttpRequest.newBuilder(replicaUrl(process, "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
    return process;
  }

  private URI replicaUrl(Process replica, String path) {
    return URI.create("http://127.0.0.1:" + ports.get(replica) + path);
  }

  private static HttpClient http() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A Git host that accepts connections and says nothing until told to, then refuses at once. */
  private static final class StallingGitServer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean answering;

    StallingGitServer() throws IOException {
      Thread.ofPlatform().daemon().start(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            if (answering) {
              s.close();
            } else {
              held.add(s);
            }
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return held.size();
    }

    void answerFromNowOn() throws IOException {
      answering = true;
      for (Socket s : held) {
        s.close();
      }
    }

    @Override
    public void close() throws IOException {
      answerFromNowOn();
      server.close();
    }
  }
}
