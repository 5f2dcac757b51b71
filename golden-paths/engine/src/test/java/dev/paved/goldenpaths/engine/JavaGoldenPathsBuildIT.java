package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each Java golden path produces works: rendered with realistic answers, it builds with Maven
 * and passes its own tests (a service answering HTTP, a Kafka worker without a broker, a job and its
 * exit code). The description holds quotes and a comment terminator, so escaping is built too.
 */
class JavaGoldenPathsBuildIT {
  static final Path TEMPLATES = Path.of("../templates").toAbsolutePath().normalize();
  static final Path MVNW = Path.of("../../mvnw").toAbsolutePath().normalize();
  static final String DESCRIPTION = "Takes \"card\" payments */ and refunds";

  /**
   * A golden path, the answers it is rendered with, and what its build must produce.
   *
   * @param testsByClass for each test class the generated project has, how many tests it runs
   */
  record Case(String template, Map<String, Object> answers, String jar, Map<String, Integer> testsByClass) {
    @Override
    public String toString() {
      return template;
    }
  }

  static Stream<Case> javaGoldenPaths() {
    return Stream.of(
        new Case("spring-boot-service",
            Map.of("name", "payments-api", "owner", "group:default/team-payments", "javaPackage", "com.acme.payments",
                "description", DESCRIPTION, "repoUrl", "git.example.com?owner=team-payments&repo=payments-api"),
            "payments-api-0.1.0-SNAPSHOT.jar", Map.of("com.acme.payments.GreetingControllerTest", 2)),
        new Case("worker",
            Map.of("name", "order-events-worker", "owner", "group:default/team-payments", "javaPackage", "com.acme.orders",
                "description", DESCRIPTION, "topic", "payments.orders.v1",
                "repoUrl", "git.example.com?owner=team-payments&repo=order-events-worker"),
            "order-events-worker-0.1.0-SNAPSHOT.jar", Map.of("com.acme.orders.MessageHandlerTest", 4,
                "com.acme.orders.ErrorHandlingConfigTest", 2, "com.acme.orders.ApplicationTest", 2)),
        new Case("scheduled-job",
            Map.of("name", "invoice-cleanup", "owner", "group:default/team-billing", "javaPackage", "com.acme.billing",
                "description", DESCRIPTION, "schedule", "*/15 * * * *",
                "repoUrl", "git.example.com?owner=team-billing&repo=invoice-cleanup"),
            "invoice-cleanup-0.1.0-SNAPSHOT.jar", Map.of("com.acme.billing.JobTest", 2,
                "com.acme.billing.JobRunnerTest", 2, "com.acme.billing.ApplicationTest", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaGoldenPaths")
  void theGeneratedProjectBuildsAndPassesItsTests(Case c, @TempDir Path out) throws Exception {
    TemplateFolder folder = TemplateFolder.read(TEMPLATES.resolve(c.template()));
    InMemoryWorkspace workspace = new InMemoryWorkspace();
    StepRunner.RunResult result = StepRunner.offline(BuiltInActions.all()).run(folder.template(), folder.files(),
        c.answers(), workspace, true);
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
    try (Stream<Path> built = Files.list(out.resolve("target"))) {
      assertThat(built.map(p -> p.getFileName().toString())).contains(c.jar());
    }
    for (var e : c.testsByClass().entrySet()) {
      assertThat(Files.readString(out.resolve("target/surefire-reports/TEST-" + e.getKey() + ".xml")))
          .as(e.getKey())
          .contains("tests=\"" + e.getValue() + "\"")
          .contains("failures=\"0\"")
          .contains("errors=\"0\"");
    }
  }
}
