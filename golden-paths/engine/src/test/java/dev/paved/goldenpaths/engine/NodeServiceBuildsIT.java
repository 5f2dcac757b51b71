package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the node-service golden path produces is a working service: rendered with realistic answers,
 * its locked dependencies install with {@code npm ci}, its own tests pass (they call the endpoint, the
 * probes and the metrics, and stop the server with SIGTERM), and the build it ships starts and stops
 * cleanly. Needs node and npm on the PATH and the npm registry.
 */
class NodeServiceBuildsIT {
  static final Path TEMPLATE = Path.of("../templates/node-service").toAbsolutePath().normalize();
  static final String NPM = System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";

  @TempDir Path out;

  @Test
  void theGeneratedServiceBuildsAndPassesItsTests() throws Exception {
    TemplateFolder folder = TemplateFolder.read(TEMPLATE);
    InMemoryWorkspace workspace = new InMemoryWorkspace();
    // quotes and a backslash in the description: package.json must still be valid JSON for npm
    StepRunner.RunResult result = StepRunner.offline(BuiltInActions.all()).run(folder.template(), folder.files(), Map.of(
        "name", "checkout-api", "owner", "group:default/team-checkout",
        "repoUrl", "git.example.com?owner=team-checkout&repo=checkout-api",
        "description", "Turns a \"basket\" into an order \\ */"), workspace, true);
    assertThat(result.succeeded()).as(result.steps().toString()).isTrue();
    for (var f : workspace.files()) {
      Path target = out.resolve(f.path());
      Files.createDirectories(target.getParent());
      Files.write(target, f.content());
    }

    run(NPM, "ci", "--no-audit", "--no-fund");
    String tests = run(NPM, "test");
    int count = number(tests, "tests");
    assertThat(count).as(tests).isGreaterThanOrEqualTo(16);
    assertThat(number(tests, "pass")).as(tests).isEqualTo(count);
    assertThat(number(tests, "fail")).as(tests).isZero();
    assertThat(tests).contains("the server process stops cleanly on SIGTERM");
    run(NPM, "run", "build");
    assertThat(out.resolve("dist/server.js")).isRegularFile();
    assertThat(out.resolve("dist")).isDirectoryNotContaining("glob:**.test.js");

    // the build the container runs: it starts, logs as JSON, and exits 0 on SIGTERM
    ProcessBuilder pb = new ProcessBuilder("node", "dist/server.js").directory(out.toFile()).redirectErrorStream(true);
    pb.environment().put("PORT", "0");
    pb.environment().put("SHUTDOWN_DELAY_MS", "0");
    Process server = pb.start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).contains("\"service\":\"checkout-api\"", "\"msg\":\"listening\"");
      // SIGTERM through the handle: Process.destroy() would also close the pipe the server logs to
      server.toHandle().destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String rest = lines.lines().collect(Collectors.joining("\n"));
      assertThat(server.exitValue()).as(rest).isZero();
      assertThat(rest).contains("\"msg\":\"stopped\",\"drained\":true");
    } finally {
      server.destroyForcibly();
    }
  }

  /** Runs a command in the rendered project; returns its output, having required exit code 0. */
  private String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + log).isZero();
    return log;
  }

  /** A total from node's test runner summary, such as {@code ℹ pass 16}. */
  private static int number(String report, String what) {
    Matcher m = Pattern.compile("(?m)^\\S+ " + what + " (\\d+)$").matcher(report);
    assertThat(m.find()).as("no '" + what + "' total in\n" + report).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
