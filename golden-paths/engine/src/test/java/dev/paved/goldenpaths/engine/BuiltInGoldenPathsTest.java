package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own golden paths go through the same test kit a platform team runs: every answer
 * file renders, every check step passes, and the output matches its approved snapshot.
 */
class BuiltInGoldenPathsTest {
  static final Path TEMPLATES = Path.of("../templates").toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> everyBuiltInGoldenPathPassesTheTestKit() throws IOException {
    List<Path> templates;
    try (Stream<Path> list = Files.list(TEMPLATES)) {
      templates = list.filter(p -> Files.exists(p.resolve("template.yaml"))).sorted().toList();
    }
    assertThat(templates).isNotEmpty();
    return templates.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      List<TemplateTestKit.CaseResult> results = TemplateTestKit.test(dir, false);
      assertThat(results).as("answer files in " + dir.resolve("tests")).isNotEmpty();
      for (TemplateTestKit.CaseResult r : results) {
        assertThat(r.passed()).as(r.name() + ": " + String.join("\n", r.messages())).isTrue();
      }
    }));
  }
}
