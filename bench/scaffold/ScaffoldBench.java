// Whole-scaffold benchmark: the spring-boot-service golden path created for real through the REST API
// (answers checked, rendered, helm-linted and policy-checked, the deployment configuration committed to the
// GitOps repository, the service repository created and pushed on the embedded Git server, the entity
// registered), one task after another, warm. Also measures how soon the entity can be read from the
// catalog API once the task has ended.
// Run through `./paved bench-scaffold`, or: java bench/scaffold/ScaffoldBench.java <portal.jar> <work-dir>
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ScaffoldBench {
  static final int PORT = 18091;
  static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("RUNS", "100"));
  static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("WARM_UP", "20"));
  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern STATE = Pattern.compile("\"state\":\"([a-z-]+)\"");
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new java.net.CookieManager()).build();
  /** The signed-in session's CSRF token (dana, a developer of team-payments, creates the services). */
  static String csrf;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath().resolve("scaffold-" + System.currentTimeMillis());
    Files.createDirectories(work);
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
        "--server.port=" + PORT, "--paved.database.embedded.data-dir=" + work.resolve("postgres"),
        "--paved.catalog.git.cache-dir=" + work.resolve("git-cache"),
        "--paved.git.embedded.root=" + work.resolve("git"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + Path.of("catalog-info/catalog-info.yaml").toAbsolutePath(),
        "--paved.catalog.file-roots[0]=" + Path.of("catalog-info").toAbsolutePath(),
        "--paved.golden-paths.directories[0]=" + Path.of("golden-paths/templates").toAbsolutePath(),
        "--logging.level.root=warn"));
    Process portal = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("portal.log").toFile()).start();
    try {
      waitReady(portal);
      csrf = signIn(HTTP, base(), "dana");
      for (int i = 0; i < WARM_UP; i++) {
        scaffold("warm" + i);
      }
      double[] task = new double[RUNS];
      double[] entity = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        double[] r = scaffold("svc" + i);
        task[i] = r[0];
        entity[i] = r[1];
      }
      Arrays.sort(task);
      Arrays.sort(entity);
      System.out.printf("whole scaffold of spring-boot-service (POST until the task has succeeded): p50 %.1f ms, p95 %.1f ms,"
          + " max %.1f ms (%d runs after %d warm-up)%n", task[RUNS / 2], task[(int) Math.ceil(RUNS * 0.95) - 1], task[RUNS - 1],
          RUNS, WARM_UP);
      System.out.printf("entity readable from the catalog API after the task ended: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
          entity[RUNS / 2], entity[(int) Math.ceil(RUNS * 0.95) - 1], entity[RUNS - 1]);
    } finally {
      portal.destroy();
      portal.waitFor();
    }
  }

  /** Creates one service; returns the task's duration and the delay until its entity is readable, in ms. */
  static double[] scaffold(String name) throws Exception {
    String body = "{\"name\":\"" + name + "\",\"owner\":\"group:default/team-payments\",\"javaPackage\":\"com.acme.bench\","
        + "\"repoUrl\":\"localhost:" + PORT + "?owner=bench&repo=" + name + "\"}";
    long start = System.nanoTime();
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/templates/spring-boot-service/tasks"))
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("could not start: " + created.statusCode() + " " + created.body());
    }
    Matcher id = ID.matcher(created.body());
    id.find();
    String state;
    String task;
    do {
      Thread.sleep(5); // polls like a task page would, without starving the 2-core server
      task = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/tasks/" + id.group(1))).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = STATE.matcher(task);
      m.find();
      state = m.group(1);
    } while (state.equals("queued") || state.equals("running"));
    long ended = System.nanoTime();
    if (!state.equals("succeeded")) {
      throw new IllegalStateException("task " + id.group(1) + " ended " + state + ": " + task);
    }
    int status;
    do {
      status = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/catalog/entities/by-name/component/default/" + name))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } while (status != 200);
    long visible = System.nanoTime();
    return new double[] {(ended - start) / 1e6, (visible - ended) / 1e6};
  }

  static String base() {
    return "http://127.0.0.1:" + PORT;
  }

  static void waitReady(Process portal) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (!portal.isAlive()) {
        throw new IllegalStateException("the portal exited; see portal.log");
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("portal not ready");
  }

  /**
   * Signs in with the sign-in form as a browser does (the form's CSRF token from the page), keeping the
   * session in {@code client}'s cookies, and returns the session's CSRF token, which a change made with the
   * session (a POST to the API) sends as {@code X-CSRF-TOKEN}. Every API request needs a signed-in user.
   */
  static String signIn(HttpClient client, String base, String user) throws IOException, InterruptedException {
    Pattern csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    Matcher form = csrf.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
    if (!form.find()) {
      throw new IllegalStateException("the sign-in page has no CSRF token");
    }
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "username=" + user + "&password=" + user + "-password&_csrf=" + form.group(1))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("signing in as " + user + " failed: " + signedIn.statusCode());
    }
    // signing in gives the session a new CSRF token; any page of the portal carries it
    Matcher page = csrf.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/catalog")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
    if (!page.find()) {
      throw new IllegalStateException("no CSRF token after signing in as " + user);
    }
    return page.group(1);
  }
}
