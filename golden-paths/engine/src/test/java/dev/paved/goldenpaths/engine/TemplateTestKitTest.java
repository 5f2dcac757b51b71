package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit as a platform team's CI runs it: the command line, its output and its exit code. */
class TemplateTestKitTest {
  @TempDir Path tmp;

  private Path copyFixture() throws IOException {
    Path source = Path.of("src/test/resources/fixtures/hello");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path target = tmp.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return tmp;
  }

  private static String run(int expectedExit, String... args) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit = TemplateTestKit.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isEqualTo(expectedExit);
    return out;
  }

  @Test
  void approvesThenPassesThenCatchesAChangeWithADiff() throws IOException {
    Path template = copyFixture();
    assertThat(run(1, "test", template.toString())).contains("FAIL default").contains("--update-snapshots");

    assertThat(run(0, "test", template.toString(), "--update-snapshots")).contains("snapshot updated: 2 files");
    assertThat(Files.readString(template.resolve("tests/__snapshots__/french/README.md")))
        .isEqualTo("# monde\n\nBonjour, monde!\n");
    assertThat(run(0, "test", template.toString())).contains("PASS default").contains("PASS french").endsWith("2 passed, 0 failed\n");

    Files.writeString(template.resolve("skeleton/README.md"), "# ${values.name}\n\n${values.greeting}, dear ${values.name}!\n");
    Files.writeString(template.resolve("skeleton/NEW.md"), "new");
    String out = run(1, "test", template.toString());
    assertThat(out).contains("~ README.md differs:").contains("-3: Hello, world!").contains("+3: Hello, dear world!")
        .contains("+ NEW.md is new").endsWith("0 passed, 2 failed\n");
  }

  @Test
  void invalidAnswersAndPolicyViolationsFailTheCase() throws IOException {
    Path template = copyFixture();
    Files.writeString(template.resolve("tests/bad.yaml"), "name: Not Valid\n");
    Files.writeString(template.resolve("skeleton/deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: '${values.name}'}
        spec:
          template:
            spec:
              containers: [{name: app, image: 'acme/${values.name}:latest'}]
        """);
    String out = run(1, "test", template.toString(), "--update-snapshots");
    assertThat(out).contains("FAIL bad").contains("the answers are not valid").contains("name=");
    assertThat(out).contains("FAIL default").contains("step policy (policy:check) failed")
        .contains("deployment.yaml:7 [pinned-image] Deployment world container app uses image 'acme/world:latest'");
  }

  @Test
  void sayHowToUseItWhenCalledWrongly() {
    assertThat(run(2, "render")).contains("usage: test <template-dir>");
  }
}
