// Catalog benchmark: the workload of ../shared/bench-backstage (N Components + N APIs, 50 Groups,
// 20 Systems, one multi-document YAML), served from a Git repository, ingested by a real portal process.
// Run through `./paved bench` (it builds the portal jar and finds a JDK), or:
//   java bench/catalog/CatalogBench.java <portal.jar> <work-dir> <N> [<N> ...]
// Prints a JSON line per N and a Markdown table; nothing here is asserted, it measures.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CatalogBench {
  static final String[] WORDS = {"payments", "billing", "search", "identity", "orders", "inventory", "shipping",
      "catalog", "pricing", "reviews", "notifications", "analytics", "checkout", "accounts", "ledger", "fraud", "media",
      "profile", "gateway", "reports"};
  static final int QUERY_REQS = Integer.parseInt(System.getenv().getOrDefault("QUERY_REQS", "200"));
  static final int PORT = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT", "18080"));
  static final String JVM_OPTS = System.getenv().getOrDefault("PORTAL_JVM_OPTS", "-Xmx512m -XX:+UseSerialGC");
  // HTTP/1.1 with keep-alive, as the Backstage benchmark's Node fetch uses
  static final java.net.CookieManager cookies = new java.net.CookieManager();
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
  /** The signed-in session's CSRF token (pat, a platform engineer, registers the location). */
  static String csrf;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      results.add(run(jar, work, Integer.parseInt(args[i])));
    }
    System.out.println();
    System.out.println(table(results));
  }

  static Map<String, Object> run(Path jar, Path work, int n) throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("N", n);
    r.put("entities", 2 * n + 70);
    Path dir = work.resolve("n" + n);
    deleteRecursively(dir);
    Files.createDirectories(dir);
    Path repo = dir.resolve("repo");
    long genStart = System.nanoTime();
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("catalog-info.yaml"), generateYaml(n));
    r.put("yamlMB", round(Files.size(repo.resolve("catalog-info.yaml")) / 1e6));
    exec(repo, "git", "init", "-q", "-b", "main");
    exec(repo, "git", "add", "-A");
    exec(repo, "git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "catalog");
    log("N=%d: generated %s MB of YAML in a Git repository in %d ms", n, r.get("yamlMB"), ms(genStart));

    Process portal = start(jar, dir);
    try {
      long t0 = System.nanoTime();
      waitReady(portal);
      r.put("startMs", ms(t0));
      csrf = signIn(http, base(), "pat");
      r.put("rssAtReadyMiB", rss(portal.pid(), "VmRSS"));

      String target = "file://" + repo + "#main:catalog-info.yaml";
      long cpu0 = cpuTicks(portal.pid());
      long ingestStart = System.nanoTime();
      HttpResponse<String> reg = post("/api/catalog/locations", "{\"type\":\"git\",\"target\":\"" + target + "\"}");
      if (reg.statusCode() != 201) {
        throw new IllegalStateException("register failed: " + reg.statusCode() + " " + reg.body());
      }
      // "Done" as for Backstage: every kind retrievable with the expected count through the REST API.
      waitCounts(n);
      double ingestS = (System.nanoTime() - ingestStart) / 1e9;
      r.put("ingestS", round(ingestS));
      r.put("entitiesPerS", Math.round((2 * n + 70) / ingestS));
      r.put("ingestCpuS", round((cpuTicks(portal.pid()) - cpu0) / 100.0));
      r.put("peakRssMiB", rss(portal.pid(), "VmHWM"));
      r.put("rssAfterIngestMiB", rss(portal.pid(), "VmRSS"));
      r.put("postgresRssMiB", postgresRss(dir.resolve("postgres")));
      r.put("ownerTeam7", count("/api/catalog/entities?kind=component&owner=group:default/team-7&limit=1"));

      warmUp(n);
      r.putAll(nodeLatencies(
          "ownerFilter=/api/catalog/entities?kind=component&owner=group:default/team-7&limit=50",
          "fullText=/api/catalog/entities?q=payments&limit=50",
          "fullTextKind=/api/catalog/entities?q=svc-12&kind=component&limit=50",
          "byName=/api/catalog/entities/by-name/component/default/svc-" + (n / 2)));
      r.put("entityPage", entityPageLatency(n));
      r.put("fullTextMatches", count("/api/catalog/entities?q=payments&limit=1"));

      long refreshStart = System.nanoTime();
      String id = extract(reg.body(), "\"id\":\"([^\"]+)\"");
      HttpResponse<String> refresh = post("/api/catalog/locations/" + id + "/refresh", "");
      r.put("unchangedRefreshMs", ms(refreshStart));
      r.put("unchangedRefreshOutcome", extract(refresh.body(), "\"outcome\":\"([^\"]+)\""));
      r.put("rssAfterQueriesMiB", rss(portal.pid(), "VmRSS"));
    } finally {
      stop(portal);
    }
    serverTimes(dir.resolve("access-log"), r, Map.of(
        "ownerFilter", "/api/catalog/entities?kind=component&owner=group:default/team-7&limit=50",
        "fullText", "/api/catalog/entities?q=payments&limit=50",
        "fullTextKind", "/api/catalog/entities?q=svc-12&kind=component&limit=50",
        "byName", "/api/catalog/entities/by-name/component/default/svc-" + (n / 2)));
    // restart on the populated database
    Process again = start(jar, dir);
    try {
      long t0 = System.nanoTime();
      waitReady(again);
      r.put("restartReadyMs", ms(t0));
      csrf = signIn(http, base(), "pat"); // sessions end with the process
      r.put("countAfterRestart", count("/api/catalog/entities?kind=component&limit=1"));
    } finally {
      stop(again);
    }
    System.out.println(toJson(r));
    return r;
  }

  static String generateYaml(int n) {
    StringBuilder sb = new StringBuilder(n * 800);
    List<String> docs = new ArrayList<>();
    for (int g = 0; g < 50; g++) {
      docs.add("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-" + g + "\n  title: Team " + g
          + "\nspec:\n  type: team\n  children: []");
    }
    for (int s = 0; s < 20; s++) {
      docs.add("apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: sys-" + s + "\n  title: System " + s
          + " " + WORDS[s] + "\nspec:\n  owner: group:default/team-" + (s % 50));
    }
    for (int i = 0; i < n; i++) {
      String owner = "group:default/team-" + (i % 50);
      String sys = "sys-" + (i % 20);
      String w = WORDS[(i * 7) % 20];
      docs.add("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-" + i + "\n  title: Service " + i
          + " " + w + "\n  description: Synthetic " + w + " service number " + i + " used for catalog benchmarking.\n"
          + "  tags: [java, " + w + "]\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n"
          + "  lifecycle: production\n  owner: " + owner + "\n  system: " + sys + "\n  providesApis: [api-" + i + "]\n---\n"
          + "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: api-" + i + "\n  title: API " + i + " " + w
          + "\n  description: REST API of service " + i + ".\nspec:\n  type: openapi\n  lifecycle: production\n  owner: "
          + owner + "\n  system: " + sys + "\n  definition: |\n    openapi: 3.0.0\n    info: {title: api-" + i
          + ", version: 1.0.0}\n    paths: {}");
    }
    sb.append(String.join("\n---\n", docs)).append('\n');
    return sb.toString();
  }

  static Process start(Path jar, Path dir) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(JVM_OPTS.split(" ")));
    cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
        "--server.port=" + PORT,
        "--paved.database.embedded.data-dir=" + dir.resolve("postgres"),
        "--paved.catalog.git.cache-dir=" + dir.resolve("git-cache"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + Path.of("catalog-info/catalog-info.yaml").toAbsolutePath(),
        "--paved.catalog.file-roots[0]=" + Path.of("catalog-info").toAbsolutePath(),
        "--paved.catalog.refresh-interval=24h",
        "--paved.catalog.git.allow-file-urls=true", // the benchmark repository is a local folder
        "--logging.level.root=warn", "--logging.level.dev.paved=info",
        // Tomcat's access log gives the server's own time per request (%D, microseconds)
        "--server.tomcat.accesslog.enabled=true", "--server.tomcat.basedir=" + dir.resolve("tomcat"),
        "--server.tomcat.accesslog.directory=" + dir.resolve("access-log"), "--server.tomcat.accesslog.pattern=%r %D"));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("portal.log").toFile()).start();
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  static void waitReady(Process p) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the portal exited during start; see its portal.log");
      }
      try {
        if (get("/actuator/health/readiness").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("portal not ready after 300 s");
  }

  static void waitCounts(int n) throws Exception {
    Map<String, Long> expected = Map.of("component", (long) n, "api", (long) n, "group", 50L, "system", 20L);
    long deadline = System.nanoTime() + 3_600_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean done = true;
      for (var e : expected.entrySet()) {
        // the demo catalog adds a few of each kind; those are counted out by name prefix
        long c = count("/api/catalog/entities?kind=" + e.getKey() + "&limit=1&q=" + (e.getKey().equals("component") ? "svc-"
            : e.getKey().equals("api") ? "api-" : e.getKey().equals("group") ? "team-" : "sys-"));
        if (c < e.getValue()) {
          done = false;
          break;
        }
      }
      if (done) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("ingestion incomplete");
  }

  /**
   * A portal in use has its code compiled by the JIT; a fresh JVM has not. Before measuring, every query
   * shape is sent {@value #WARM_UP} times in all (Backstage's Node backend is warmed the same way by the
   * 20 requests per shape its benchmark sends first, and reaches steady state sooner).
   */
  static void warmUp(int n) throws Exception {
    long t = System.nanoTime();
    for (int i = 0; i < WARM_UP; i++) {
      String path = switch (i % 4) {
        case 0 -> "/api/catalog/entities?kind=component&owner=group:default/team-" + (i % 50) + "&limit=50";
        case 1 -> "/api/catalog/entities?q=" + WORDS[i % 20] + "&limit=50";
        case 2 -> "/api/catalog/entities?q=svc-" + (i % 100) + "&kind=component&limit=50";
        default -> "/api/catalog/entities/by-name/component/default/svc-" + (i % n);
      };
      check(get(path));
    }
    log("warm-up: %d requests in %d ms", WARM_UP, ms(t));
  }

  static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("WARM_UP", "10000"));

  /**
   * The server's own time for the measured requests of each query (the last {@code QUERY_REQS} of its
   * path in the access log), next to the client's: on two shared cores the difference is the client and
   * the operating system.
   */
  @SuppressWarnings("unchecked")
  static void serverTimes(Path logDir, Map<String, Object> r, Map<String, String> paths) throws IOException {
    List<String> lines = new ArrayList<>();
    try (var files = Files.list(logDir)) {
      for (Path f : files.sorted().toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    for (var e : paths.entrySet()) {
      String prefix = "GET " + e.getValue() + " ";
      List<Double> times = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith(prefix)) {
          times.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1000.0);
        }
      }
      List<Double> measured = times.subList(Math.max(0, times.size() - QUERY_REQS), times.size());
      double[] ms = measured.stream().mapToDouble(Double::doubleValue).toArray();
      Map<String, Object> stats = (Map<String, Object>) r.get(e.getKey());
      if (ms.length > 0) {
        Map<String, Object> server = stats(ms, 0);
        stats.put("serverP50", server.get("p50"));
        stats.put("serverP95", server.get("p95"));
      }
    }
  }

  /**
   * The query latencies, measured by the same client and method as Backstage's benchmark (Node's fetch,
   * see queries.mjs), so the two sets of figures compare directly.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nodeLatencies(String... queries) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("node", Path.of("bench/catalog/queries.mjs").toAbsolutePath().toString(),
        base(), String.valueOf(QUERY_REQS)));
    cmd.addAll(List.of(queries));
    ProcessBuilder node = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    // the signed-in session, sent as a cookie
    node.environment().put("BENCH_COOKIE", cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; ")));
    Process p = node.start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("queries.mjs failed: " + out);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"(\\w+)\":\\{\"p50\":([\\d.]+),\"p95\":([\\d.]+),\"p99\":([\\d.]+),"
        + "\"max\":([\\d.]+),\"bytes\":(\\d+)\\}").matcher(out);
    while (m.find()) {
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("p50", Double.parseDouble(m.group(2)));
      stats.put("p95", Double.parseDouble(m.group(3)));
      stats.put("p99", Double.parseDouble(m.group(4)));
      stats.put("max", Double.parseDouble(m.group(5)));
      stats.put("bytes", Integer.parseInt(m.group(6)));
      result.put(m.group(1), stats);
    }
    if (result.size() != queries.length) {
      throw new IllegalStateException("unexpected output of queries.mjs: " + out);
    }
    return result;
  }

  /**
   * The entity page's server time. A browser loads the page, then Vaadin's client sends the
   * {@code ui-navigate} event in a UIDL request; the server builds the entity view (queries, components)
   * while answering it. That request is timed, as the browser would send it.
   */
  static Map<String, Object> entityPageLatency(int n) throws Exception {
    HttpClient browser = http; // pat's session: a second sign-in would end the first (one session per user)
    int count = Math.min(QUERY_REQS, 200);
    double[] ms = new double[count];
    int bytes = 0;
    for (int i = -20; i < count; i++) {
      String name = "svc-" + Math.floorMod(i * 7919, n);
      String location = "catalog/component/default/" + name;
      browser.send(HttpRequest.newBuilder(URI.create(base() + "/" + location)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
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
      if (page.statusCode() != 200 || !page.body().contains("Synthetic")) {
        throw new IllegalStateException("entity page did not render " + name + ": " + page.statusCode());
      }
      if (i >= 0) {
        ms[i] = elapsed;
        bytes = page.body().length();
      }
    }
    return stats(ms, bytes);
  }

  static Map<String, Object> stats(double[] ms, int bytes) {
    double[] s = ms.clone();
    Arrays.sort(s);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", round(pct(s, 50)));
    m.put("p95", round(pct(s, 95)));
    m.put("p99", round(pct(s, 99)));
    m.put("max", round(s[s.length - 1]));
    m.put("bytes", bytes);
    return m;
  }

  static double pct(double[] sorted, double p) {
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
    return sorted[i];
  }

  static long count(String path) throws Exception {
    HttpResponse<String> r = get(path);
    check(r);
    return Long.parseLong(extract(r.body(), "\"totalItems\":(\\d+)"));
  }

  static String base() {
    return "http://127.0.0.1:" + PORT;
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
        .header("X-CSRF-TOKEN", csrf).timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void check(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.uri() + " -> " + r.statusCode() + " " + r.body());
    }
  }

  static String extract(String body, String regex) {
    Matcher m = Pattern.compile(regex).matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + body.substring(0, Math.min(300, body.length())));
    }
    return m.group(1);
  }

  static double rss(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
      }
    }
    return -1;
  }

  /**
   * The embedded PostgreSQL runs as its own daemon (started by pg_ctl, so not the portal's child): find
   * the postmaster from its pid file and add up its processes. Reported apart from the portal's RSS, as
   * Backstage's figures leave PostgreSQL out too.
   */
  static double postgresRss(Path dataDir) {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      double total = rss(postmaster, "VmRSS");
      for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(List.of())) {
        total += rss(child.pid(), "VmRSS");
      }
      return round(total);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static void exec(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static void log(String format, Object... args) {
    System.out.println("[bench] " + String.format(format, args));
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    }
  }

  @SuppressWarnings("unchecked")
  static String toJson(Object o) {
    if (o instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, v) -> parts.add("\"" + k + "\":" + toJson(v)));
      return "{" + String.join(",", parts) + "}";
    }
    if (o instanceof String s) {
      return "\"" + s.replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(o);
  }

  @SuppressWarnings("unchecked")
  static String table(List<Map<String, Object>> results) {
    StringBuilder sb = new StringBuilder("| metric |");
    results.forEach(r -> sb.append(" N = ").append(r.get("N")).append(" (").append(r.get("entities")).append(" entities) |"));
    sb.append("\n|---|").append("---:|".repeat(results.size())).append('\n');
    String[][] rows = {
        {"cold start to ready (ms)", "startMs"}, {"RSS at ready (MiB)", "rssAtReadyMiB"},
        {"YAML size (MB)", "yamlMB"}, {"ingest: all entities retrievable (s)", "ingestS"},
        {"ingest: entities/s", "entitiesPerS"}, {"ingest: portal CPU (s)", "ingestCpuS"},
        {"peak RSS, portal JVM (VmHWM, MiB)", "peakRssMiB"}, {"RSS after ingest (MiB)", "rssAfterIngestMiB"},
        {"embedded PostgreSQL RSS after ingest (MiB)", "postgresRssMiB"}};
    for (String[] row : rows) {
      sb.append("| ").append(row[0]).append(" |");
      results.forEach(r -> sb.append(' ').append(r.get(row[1])).append(" |"));
      sb.append('\n');
    }
    String[][] lat = {{"owner filter", "ownerFilter"}, {"full-text", "fullText"}, {"full-text + kind", "fullTextKind"},
        {"by name", "byName"}, {"entity page (server, UIDL navigate)", "entityPage"}};
    for (String[] row : lat) {
      sb.append("| ").append(row[0]).append(" p50 / p95 (ms) |");
      results.forEach(r -> {
        Map<String, Object> s = (Map<String, Object>) r.get(row[1]);
        sb.append(' ').append(s.get("p50")).append(" / ").append(s.get("p95")).append(" |");
      });
      sb.append('\n');
      if (!row[1].equals("entityPage")) {
        sb.append("| ").append(row[0]).append(", server's own time p50 / p95 (ms) |");
        results.forEach(r -> {
          Map<String, Object> s = (Map<String, Object>) r.get(row[1]);
          sb.append(' ').append(s.get("serverP50")).append(" / ").append(s.get("serverP95")).append(" |");
        });
        sb.append('\n');
      }
    }
    String[][] tail = {{"unchanged refresh (ms)", "unchangedRefreshMs"}, {"restart with data to ready (ms)", "restartReadyMs"}};
    for (String[] row : tail) {
      sb.append("| ").append(row[0]).append(" |");
      results.forEach(r -> sb.append(' ').append(r.get(row[1])).append(" |"));
      sb.append('\n');
    }
    return sb.toString();
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
