// Golden-path dry-run benchmark: the 20-file template of ../shared/bench-backstage (loops, filters,
// conditionals; FreeMarker instead of Nunjucks), dry-run through the portal's REST API, sequential.
// Run through `./paved bench-dry-run`, or: java bench/goldenpaths/DryRunBench.java <portal.jar> <work-dir>
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

public class DryRunBench {
  static final int PORT = 18090;
  static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("RUNS", "200"));
  static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("WARM_UP", "300"));

  /** The signed-in session's CSRF token (dana, a developer). */
  static String csrf;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath().resolve("dry-run");
    Path templates = work.resolve("templates");
    writeTemplate(templates.resolve("bench-template"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
        "--server.port=" + PORT, "--paved.database.embedded.data-dir=" + work.resolve("postgres"),
        "--paved.catalog.git.cache-dir=" + work.resolve("git-cache"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + Path.of("catalog-info/catalog-info.yaml").toAbsolutePath(),
        "--paved.catalog.file-roots[0]=" + Path.of("catalog-info").toAbsolutePath(),
        "--paved.golden-paths.directories[0]=" + templates,
        "--paved.golden-paths.directories[1]=" + Path.of("golden-paths/templates").toAbsolutePath(),
        "--logging.level.root=warn"));
    Process portal = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("portal.log").toFile()).start();
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new java.net.CookieManager()).build();
      waitReady(http, portal);
      csrf = signIn(http, "http://127.0.0.1:" + PORT, "dana");
      measure(http, "bench-template", "{\"name\":\"bench-svc\",\"owner\":\"group:default/team-1\",\"description\":\"dry run bench\"}");
      // render + helm lint + helm template for three environments + policy check of the real golden path
      measure(http, "spring-boot-service", "{\"name\":\"payments-api\",\"owner\":\"group:default/team-payments\","
          + "\"repoUrl\":\"git.acme.example?owner=team-payments&repo=payments-api\","
          + "\"javaPackage\":\"com.acme.payments\",\"host\":\"payments.acme.example\"}");
    } finally {
      portal.destroy();
      portal.waitFor();
    }
  }

  static void measure(HttpClient http, String template, String body) throws Exception {
    {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/templates/" + template + "/dry-run"))
          .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (first.statusCode() != 200 || !first.body().contains("\"succeeded\":true")) {
        throw new IllegalStateException("dry run failed: " + first.statusCode() + " " + first.body());
      }
      int files = first.body().split("\"path\":").length - 1;
      for (int i = 0; i < WARM_UP; i++) {
        http.send(request, HttpResponse.BodyHandlers.ofString());
      }
      double[] ms = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException("dry run failed: " + r.body());
        }
      }
      Arrays.sort(ms);
      System.out.printf("dry run of %s (%d files) through POST /api/templates/{name}/dry-run: p50 %.2f ms, p95 %.2f ms"
          + " (%d runs after %d warm-up)%n", template, files, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], RUNS, WARM_UP);
    }
  }

  static void waitReady(HttpClient http, Process portal) throws Exception {
    for (int i = 0; i < 3000; i++) {
      if (!portal.isAlive()) {
        throw new IllegalStateException("the portal exited; see portal.log");
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("portal not ready");
  }

  /** The same template as Backstage's benchmark: 20 files of about 1 KB with a loop, filters and an if. */
  static void writeTemplate(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("skeleton"));
    Files.writeString(dir.resolve("template.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: bench-template, title: Bench template, annotations: {paved.dev/version: 1.0.0}}
        spec:
          owner: group:default/team-1
          type: service
          parameters:
            - title: Service
              required: [name, owner]
              properties:
                name: {type: string}
                owner: {type: string}
                description: {type: string}
          steps:
            - id: fetch
              name: Render skeleton
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
                  owner: ${{ parameters.owner }}
                  description: ${{ parameters.description }}
                  modules: [api, core, web, persistence, events]
          output:
            text: [{title: done, content: 'rendered ${{ parameters.name }}'}]
        """);
    Files.writeString(dir.resolve("skeleton/catalog-info.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: ${values.name}
          description: ${values.description}
        spec:
          type: service
          lifecycle: experimental
          owner: ${values.owner}
        """);
    String body = """
        # ${values.name} file %s
        owner: ${values.owner}
        description: ${values.description!"none"}
        <#list values.modules as m>
        - module ${m} of ${values.name?upper_case} (%s)
        </#list>
        <#if values.owner == "group:default/team-1">owned by team one<#else>other owner</#if>
        %s
        """;
    String lorem = "lorem ipsum dolor sit amet ".repeat(20);
    Files.writeString(dir.resolve("skeleton/README.md"), body.formatted("readme", "readme", lorem));
    String[] dirs = {"src/main/java", "src/test/java", "docs", "config"};
    for (int i = 0; i < 18; i++) {
      Path f = dir.resolve("skeleton").resolve(dirs[i % 4]).resolve("file" + i + ".txt");
      Files.createDirectories(f.getParent());
      Files.writeString(f, body.formatted(i, i, lorem));
    }
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
