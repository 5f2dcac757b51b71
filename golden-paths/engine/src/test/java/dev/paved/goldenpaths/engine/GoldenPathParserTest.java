package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoldenPathParserTest {

  private static GoldenPath parse(String yaml) {
    return GoldenPathParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "template.yaml");
  }

  @Test
  void aBackstageV1beta3TemplateLoadsAsItIs() {
    GoldenPath t = parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: spring-boot-service
          title: Spring Boot service
          description: A Java 21 REST service
          tags: [java, recommended]
          annotations:
            paved.dev/version: 1.4.0
        spec:
          owner: group:platform
          type: service
          parameters:
            - title: Service
              required: [name]
              properties:
                name: {type: string, pattern: '^[a-z][a-z0-9-]*$'}
            - title: Repository
              properties:
                repoUrl: {type: string, ui:field: RepoUrlPicker}
          steps:
            - id: fetch
              name: Render
              action: fetch:template
              input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}
            - id: lint
              action: helm:lint
              if: ${{ parameters.chart }}
          output:
            links:
              - title: Repository
                url: ${{ steps.publish.output.remoteUrl }}
        """);
    assertThat(t.name()).isEqualTo("spring-boot-service");
    assertThat(t.version()).isEqualTo("1.4.0");
    assertThat(t.tags()).containsExactly("java", "recommended");
    assertThat(t.parameters()).hasSize(2);
    assertThat(t.steps()).extracting(GoldenPath.Step::id, GoldenPath.Step::action)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("fetch", "fetch:template"),
            org.assertj.core.groups.Tuple.tuple("lint", "helm:lint"));
    assertThat(t.steps().get(1).condition()).isEqualTo("${{ parameters.chart }}");
    assertThat(t.output()).containsKey("links");
  }

  @Test
  void aSingleParameterObjectIsOnePage() {
    GoldenPath t = parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: ns}
        spec:
          type: namespace
          parameters: {properties: {team: {type: string}}}
          steps: []
        """);
    assertThat(t.parameters()).hasSize(1);
    assertThat(t.version()).isEqualTo("unversioned");
  }

  @Test
  void v1beta2IsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> parse("apiVersion: scaffolder.backstage.io/v1beta2\nkind: Template\n"))
        .isInstanceOf(GoldenPathParser.InvalidTemplateException.class)
        .hasMessageContaining("v1beta2 is not supported").hasMessageContaining("migrate the template to");
  }

  @Test
  void everyProblemIsReportedWithItsField() {
    assertThatThrownBy(() -> parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: -bad}
        spec:
          steps:
            - id: a
              action: fetch:template
            - id: a
              action: rm -rf
            - just a string
        """))
        .isInstanceOfSatisfying(GoldenPathParser.InvalidTemplateException.class, e -> assertThat(e.problems())
            .containsExactlyInAnyOrder(
                "metadata.name is required: 1 to 63 letters, digits, '-', '_' or '.'",
                "spec.type is required, e.g. service",
                "spec.steps[1].id 'a' is used by an earlier step; ids must be unique",
                "spec.steps[1].action is required and looks like fetch:template",
                "spec.steps[2] must be a mapping with id, name, action and input"));
  }

  @Test
  void malformedYamlAndHugeFilesAreRefused() {
    assertThatThrownBy(() -> parse("kind: [unclosed")).hasMessageContaining("invalid YAML");
    assertThatThrownBy(() -> GoldenPathParser.parse(new byte[2 * 1024 * 1024], "big.yaml"))
        .hasMessageContaining("larger than 1 MB");
  }
}
