package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Helm runs as a Go library inside the JVM, and Go's runtime takes SIGTERM for itself once Helm's code
 * subscribes to it: without {@link JvmSignals} a portal that has linted a chart ignores Kubernetes asking
 * it to stop. A separate JVM lints a chart, then is sent SIGTERM, and must run its shutdown hooks and exit.
 */
class StopsOnSigtermAfterHelmIT {

  /** The child JVM: lint and template a chart, say so, then wait to be stopped. */
  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    HelmCheck.Report report = HelmCheck.check(HelmCheckTest.CHART, "chart", Map.of("prod", "deploy/prod/values.yaml"));
    System.out.println("helm ran: " + report.ok());
    Thread.sleep(120_000);
  }

  @Test
  void aSigtermAfterHelmRanStopsTheJvmWithItsShutdownHooks() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), StopsOnSigtermAfterHelmIT.class.getName()))
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder log = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      log.append(line).append('\n');
      if (line.startsWith("helm ran: ")) {
        break;
      }
    }
    assertThat(log.toString()).as("the child's output").contains("helm ran: true");

    child.toHandle().destroy(); // SIGTERM, as Kubernetes sends
    boolean exited = child.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    assertThat(exited).as("the JVM stopped on SIGTERM").isTrue();
    log.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(child.exitValue()).isEqualTo(143);
    assertThat(log.toString()).contains("shutdown hook ran");
  }
}
