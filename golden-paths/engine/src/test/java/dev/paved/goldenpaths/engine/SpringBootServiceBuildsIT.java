package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the spring-boot-service golden path produces is a working service: rendered with realistic
 * answers, it builds and passes its own tests with Maven (its tests start the application and call its
 * endpoint and health probes).
 */
class SpringBootServiceBuildsIT {
  static final Path TEMPLATE = Path.of("../templates/spring-boot-service").toAbsolutePath().normalize();
  static final Path MVNW = Path.of("../../mvnw").toAbsolutePath().normalize();

  @TempDir Path out;

  @Test
  void theGeneratedServiceBuildsAndPassesItsTests() throws Exception {
    TemplateFolder folder = TemplateFolder.read(TEMPLATE);
    InMemoryWorkspace workspace = new InMemoryWorkspace();
    StepRunner.RunResult result = new StepRunner(BuiltInActions.all()).run(folder.template(), folder.files(), Map.of(
        "name", "payments-api", "owner", "group:default/team-payments", "javaPackage", "com.acme.payments",
        "description", "Takes \"card\" payments */ and refunds"), workspace, true);
    assertThat(result.succeeded()).as(result.steps().toString()).isTrue();
    for (var f : workspace.files()) {
      Path target = out.resolve(f.path());
      Files.createDirectories(target.getParent());
      Files.write(target, f.content());
    }

    List<String> command = new ArrayList<>(List.of(MVNW.toString(), "-B", "-q", "--no-transfer-progress", "verify"));
    String localRepo = System.getProperty("maven.repo.local");
    if (localRepo != null) {
      command.add("-Dmaven.repo.local=" + localRepo);
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = pb.start();
    String log = new String(maven.getInputStream().readAllBytes());
    assertThat(maven.waitFor(15, TimeUnit.MINUTES)).isTrue();
    assertThat(maven.exitValue()).as(log).isZero();
    assertThat(Files.list(out.resolve("target")).map(p -> p.getFileName().toString()))
        .contains("payments-api-0.1.0-SNAPSHOT.jar");
    assertThat(report(out, "com.acme.payments.GreetingControllerTest")).contains("tests=\"2\"").contains("failures=\"0\"");
  }

  private static String report(Path project, String test) throws IOException {
    return Files.readString(project.resolve("target/surefire-reports/TEST-" + test + ".xml"));
  }
}
