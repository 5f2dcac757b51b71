// Deployments benchmark: the portal (production jar) connected to a stand-in Argo CD that holds N applications
// (default 1,000) and keeps an application watch stream open, as Argo CD does. Measures
//  1. the Deployments page's server time with every application cached: the UIDL request in which Vaadin builds
//     the view (filters counted over all N, the first screenful of rows), timed as a browser sends it;
//  2. status propagation: an event written to the watch stream until a real browser (Debian's Chromium through
//     chromedriver's WebDriver protocol) shows it in the open Deployments page, pushed by the server.
// The stand-in speaks only what this needs (list, watch); the tests check the portal against the full fake.
// Run through `./paved bench-deployments`, or: java bench/deployments/DeploymentsBench.java <portal.jar> <work-dir>
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class DeploymentsBench {
  static final int PORT = 18093;
  static final int ARGO_PORT = 18094;
  static final int DRIVER_PORT = 18095;
  static final int APPS = Integer.parseInt(System.getenv().getOrDefault("APPS", "1000"));
  static final int PAGE_RUNS = Integer.parseInt(System.getenv().getOrDefault("PAGE_RUNS", "200"));
  static final int EVENTS = Integer.parseInt(System.getenv().getOrDefault("EVENTS", "50"));
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Signed in as dana (a demo local account), for the portal's REST API: every request needs a user. */
  static final HttpClient SIGNED_IN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .cookieHandler(new java.net.CookieManager()).build();
  static final List<OutputStream> WATCHERS = new CopyOnWriteArrayList<>();
  static long resourceVersion = 5000;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath().resolve("deployments-" + System.currentTimeMillis());
    Files.createDirectories(work);
    HttpServer argo = standInArgoCd();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
        "--server.port=" + PORT, "--paved.database.embedded.data-dir=" + work.resolve("postgres"),
        "--paved.catalog.git.cache-dir=" + work.resolve("git-cache"),
        "--paved.git.embedded.root=" + work.resolve("git"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + Path.of("catalog-info/catalog-info.yaml").toAbsolutePath(),
        "--paved.catalog.file-roots[0]=" + Path.of("catalog-info").toAbsolutePath(),
        "--paved.golden-paths.directories[0]=" + Path.of("golden-paths/templates").toAbsolutePath(),
        "--paved.plugins.argocd.instances.bench.url=http://127.0.0.1:" + ARGO_PORT,
        "--paved.plugins.argocd.instances.bench.token=bench-token",
        "--logging.level.root=warn"));
    Process portal = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("portal.log").toFile()).start();
    Process driver = null;
    try {
      waitFor(() -> signIn(SIGNED_IN), Duration.ofMinutes(3), "the portal's sign-in");
      waitFor(() -> get("/api/deployments?limit=1").contains("\"totalItems\":" + APPS), Duration.ofMinutes(3),
          "the portal listing " + APPS + " applications");
      // propagation first: the page-time runs leave two hundred open pages behind (Vaadin keeps a UI until its
      // heartbeats stop), each of which would also refresh on every event
      driver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + DRIVER_PORT).redirectErrorStream(true)
          .redirectOutput(work.resolve("chromedriver.log").toFile()).start();
      double[] push = propagation();
      System.out.printf("status propagation, watch-stream event to the change shown in Chromium's Deployments page:"
          + " p50 %.1f ms, p90 %.1f ms, p95 %.1f ms, max %.1f ms (%d events, one at a time; includes the page's 100 ms"
          + " coalescing)%n", push[0], push[3], push[1], push[2], EVENTS);
      double[] page = pageServerTime();
      System.out.printf("Deployments page server time, %d applications cached (UIDL navigate): p50 %.1f ms, p95 %.1f ms,"
          + " max %.1f ms (%d runs after 20 warm-up)%n", APPS, page[0], page[1], page[2], PAGE_RUNS);
    } finally {
      if (driver != null) {
        driver.destroy();
      }
      portal.destroy();
      portal.waitFor();
      argo.stop(0);
    }
  }

  /** Argo CD's list and watch, for {@link #APPS} applications of APPS/3 services in dev, staging and prod. */
  static HttpServer standInArgoCd() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ARGO_PORT), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/api/v1/applications", exchange -> {
      StringBuilder items = new StringBuilder();
      for (int i = 0; i < APPS; i++) {
        items.append(i == 0 ? "" : ",").append(application(i, "Succeeded", "successfully synced"));
      }
      respond(exchange, 200, "{\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\"},\"items\":[" + items + "]}");
    });
    server.createContext("/api/v1/stream/applications", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      WATCHERS.add(out);
    });
    server.start();
    return server;
  }

  static String application(int i, String phase, String message) {
    String service = String.format("svc-%04d", i / 3);
    String env = List.of("dev", "staging", "prod").get(i % 3);
    String name = service + "-" + env;
    return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"argocd\",\"resourceVersion\":\"" + (++resourceVersion)
        + "\",\"labels\":{\"paved.dev/service\":\"" + service + "\",\"paved.dev/environment\":\"" + env + "\"}},"
        + "\"spec\":{\"project\":\"default\",\"destination\":{\"server\":\"https://kubernetes.default.svc\",\"namespace\":\""
        + name + "\"},\"source\":{\"repoURL\":\"https://git.acme.example/acme/" + service + ".git\",\"path\":\"chart\","
        + "\"targetRevision\":\"main\"}},\"status\":{\"sync\":{\"status\":\"Synced\",\"revision\":\"" + "a".repeat(40)
        + "\"},\"health\":{\"status\":\"" + (i % 17 == 0 ? "Degraded" : "Healthy") + "\"},\"operationState\":{\"phase\":\""
        + phase + "\",\"message\":\"" + message + "\",\"startedAt\":\"2026-11-21T10:00:00Z\",\"finishedAt\":\"2026-11-21T10:00:05Z\"}}}";
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Writes one watch event to every open stream. */
  static void publish(String application) throws IOException {
    byte[] line = ("{\"result\":{\"type\":\"MODIFIED\",\"application\":" + application + "}}\n").getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : WATCHERS) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException gone) {
        WATCHERS.remove(out);
      }
    }
  }

  /** The UIDL request that builds the Deployments view, as a browser sends it after loading the page. */
  static double[] pageServerTime() throws Exception {
    HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new java.net.CookieManager()).build();
    if (!signIn(browser)) {
      throw new IllegalStateException("dana could not sign in");
    }
    double[] ms = new double[PAGE_RUNS];
    for (int i = -20; i < PAGE_RUNS; i++) {
      String location = "deployments";
      browser.send(HttpRequest.newBuilder(URI.create(base() + "/" + location)).GET().build(), HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> init = browser.send(HttpRequest.newBuilder(URI.create(base() + "/?v-r=init&location="
          + location + "&query=")).GET().build(), HttpResponse.BodyHandlers.ofString());
      String key = extract(init.body(), "\"Vaadin-Security-Key\":\"([^\"]+)\"");
      String uiId = extract(init.body(), "\"v-uiId\":(\\d+)");
      String navigate = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":"
          + "\"ui-navigate\",\"data\":{\"route\":\"" + location + "\",\"query\":\"\",\"appShellTitle\":\"\","
          + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
      long t = System.nanoTime();
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/?v-r=uidl&v-uiId=" + uiId))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(navigate)).build(),
          HttpResponse.BodyHandlers.ofString());
      double elapsed = (System.nanoTime() - t) / 1e6;
      if (page.statusCode() != 200 || !page.body().contains(APPS + " applications on 1 Argo CD instance")) {
        throw new IllegalStateException("the Deployments page did not render: " + page.statusCode() + " "
            + page.body().substring(0, Math.min(500, page.body().length())));
      }
      if (i >= 0) {
        ms[i] = elapsed;
      }
    }
    return stats(ms);
  }

  /** Opens the page in Chromium, then changes the first row's operation message through the stream, one at a time. */
  static double[] propagation() throws Exception {
    waitFor(() -> {
      try {
        return HTTP.send(HttpRequest.newBuilder(URI.create(driver("/status"))).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\":true");
      } catch (IOException e) {
        return false;
      }
    }, Duration.ofSeconds(30), "chromedriver");
    String session = extract(post(driver("/session"), "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
        + "\"goog:chromeOptions\":{\"binary\":\"/usr/bin/chromium\",\"args\":[\"--headless\",\"--no-sandbox\",\"--disable-gpu\","
        + "\"--disable-quic\",\"--no-first-run\",\"--disable-background-networking\",\"--disable-component-update\","
        + "\"--disable-sync\",\"--disable-dev-shm-usage\",\"--window-size=1400,900\",\"--user-data-dir="
        + Files.createTempDirectory("bench-chromium-") + "\"]}}}}"), "\"sessionId\":\"([^\"]+)\"");
    try {
      // the REST client's signed-in session, handed to Chromium as its cookie
      post(driver("/session/" + session + "/url"), "{\"url\":\"" + base() + "/login\"}");
      java.net.HttpCookie cookie = ((java.net.CookieManager) SIGNED_IN.cookieHandler().orElseThrow()).getCookieStore()
          .getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
      post(driver("/session/" + session + "/cookie"), "{\"cookie\":{\"name\":\"JSESSIONID\",\"value\":\""
          + cookie.getValue() + "\",\"path\":\"/\"}}");
      post(driver("/session/" + session + "/url"), "{\"url\":\"" + base() + "/deployments\"}");
      waitFor(() -> script(session, "return document.body.innerText.includes('svc-0000')").contains("true"),
          Duration.ofSeconds(60), "the Deployments page in Chromium");
      // records when each marker first appears anywhere on the page (grid cells are light DOM)
      script(session, "window.seen = {}; new MutationObserver(() => { const m = document.body.innerText.match(/marker-\\d+/g);"
          + " (m || []).forEach(k => { if (!window.seen[k]) window.seen[k] = Date.now(); }); })"
          + ".observe(document.body, {subtree: true, childList: true, characterData: true}); return true;");
      double[] ms = new double[EVENTS];
      double[] cached = new double[EVENTS];
      for (int i = -5; i < EVENTS; i++) {
        String marker = "marker-" + (i + 100);
        long sent = System.currentTimeMillis();
        long sentNanos = System.nanoTime();
        publish(application(0, "Running", marker));
        String key = marker;
        // the server's part: until the portal's cache (its REST API) has the change
        waitFor(() -> get("/api/deployments/bench/svc-0000-dev").contains(key), Duration.ofSeconds(30), marker + " cached");
        if (i >= 0) {
          cached[i] = (System.nanoTime() - sentNanos) / 1e6;
        }
        waitFor(() -> !script(session, "return window.seen['" + key + "'] || 0").contains("\"value\":0"),
            Duration.ofSeconds(30), marker + " in the page");
        long seen = Long.parseLong(extract(script(session, "return window.seen['" + key + "']"), "\"value\":(\\d+)"));
        if (i >= 0) {
          ms[i] = seen - sent;
        }
        Thread.sleep(300); // one change at a time: the page's coalescing would merge closer ones
      }
      double[] c = stats(cached);
      System.out.printf("  of which the event reaching the portal's cache (polled through its REST API every 20 ms): p50 %.1f ms,"
          + " p95 %.1f ms%n", c[0], c[1]);
      return stats(ms);
    } finally {
      HTTP.send(HttpRequest.newBuilder(URI.create(driver("/session/" + session))).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  static String script(String session, String js) {
    try {
      return post(driver("/session/" + session + "/execute/sync"), "{\"script\":\"" + js.replace("\\", "\\\\")
          .replace("\"", "\\\"") + "\",\"args\":[]}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String driver(String path) {
    return "http://127.0.0.1:" + DRIVER_PORT + path;
  }

  static double[] stats(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return new double[] {s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1], s[s.length - 1],
        s[(int) Math.ceil(s.length * 0.90) - 1]};
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitFor(Check check, Duration limit, String what) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("gave up waiting for " + what);
  }

  static String base() {
    return "http://127.0.0.1:" + PORT;
  }

  /**
   * Signs in with the sign-in form as a browser does (its CSRF token from the page), keeping the session in
   * {@code client}'s cookies; false until the portal answers.
   */
  static boolean signIn(HttpClient client) throws IOException, InterruptedException {
    HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (form.statusCode() != 200) {
      return false;
    }
    String csrf = extract(form.body(), "name=\"_csrf\" content=\"([^\"]+)\"");
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=dana&password=dana-password&_csrf=" + csrf)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("signing in as dana failed: " + signedIn.statusCode() + " "
          + signedIn.headers().firstValue("Location").orElse(""));
    }
    return true;
  }

  static String get(String path) throws IOException, InterruptedException {
    return SIGNED_IN.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String post(String url, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String extract(String body, String regex) {
    Matcher m = Pattern.compile(regex).matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + body.substring(0, Math.min(300, body.length())));
    }
    return m.group(1);
  }
}
