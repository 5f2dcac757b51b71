package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerValidatorTest {
  static final GoldenPath TEMPLATE = GoldenPathParser.parse("""
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata: {name: svc}
      spec:
        type: service
        parameters:
          - title: Service
            required: [name, owner]
            properties:
              name:
                type: string
                pattern: '^[a-z][a-z0-9-]{1,40}$'
                ui:autofocus: true
              owner: {type: string, ui:field: OwnerPicker}
              replicas: {type: integer, minimum: 1, maximum: 10, default: 2}
              languages:
                type: array
                items: {type: string, enum: [java, kotlin]}
                uniqueItems: true
          - title: Repository
            properties:
              description: {type: string, maxLength: 200, ui:widget: textarea}
        steps: []
      """.getBytes(StandardCharsets.UTF_8), "template.yaml");

  private final AnswerValidator validator = new AnswerValidator(TEMPLATE);

  @Test
  void validAnswersHaveNoProblems() {
    assertThat(validator.validate(Map.of("name", "payments", "owner", "group:team-a", "replicas", 3,
        "languages", List.of("java"), "description", "Takes card payments.\nAnd refunds."))).isEmpty();
  }

  @Test
  void eachProblemIsReportedForItsField() {
    Map<String, List<String>> problems = validator.validate(Map.of("name", "Payments Service", "replicas", 99,
        "languages", List.of("cobol")));
    assertThat(problems).containsKeys("name", "owner", "replicas", "languages[0]");
    assertThat(problems.get("owner")).containsExactly("is required");
    assertThat(problems.get("name")).singleElement().asString().contains("pattern");
    assertThat(problems.get("replicas")).singleElement().asString().contains("10");
  }

  @Test
  void hostileAnswersAreRefusedByField() {
    Map<String, List<String>> problems = validator.validate(Map.of(
        "name", "x\nadmin: true",
        "owner", "team\u202e",
        "description", "d".repeat(AnswerValidator.MAX_VALUE_LENGTH + 1)));
    assertThat(problems.get("name")).isNotEmpty();
    assertThat(problems.get("owner")).anyMatch(m -> m.contains("bidirectional control character"));
    assertThat(problems.get("description")).anyMatch(m -> m.contains("longer than 10000"));
  }

  @Test
  void aSchemaReferringOutsideTheTemplateIsRefused() {
    GoldenPath remote = GoldenPathParser.parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: remote}
        spec:
          type: service
          parameters:
            properties:
              name: {$ref: 'http://169.254.169.254/latest/meta-data'}
          steps: []
        """.getBytes(StandardCharsets.UTF_8), "template.yaml");
    assertThatThrownBy(() -> new AnswerValidator(remote)).hasMessageContaining("points outside the template");
  }
}
