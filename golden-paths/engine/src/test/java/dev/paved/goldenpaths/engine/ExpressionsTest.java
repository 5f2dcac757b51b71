package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
  static final Map<String, Object> CONTEXT = Map.of(
      "parameters", Map.of("name", "Payments", "repoUrl", "github.com?owner=acme&repo=payments",
          "owner", "group:default/team-payments", "tags", List.of("java", "pci"), "replicas", 3),
      "steps", Map.of("publish", Map.of("output", Map.of("remoteUrl", "https://github.com/acme/payments"))));

  @Test
  void aWholeExpressionKeepsItsType() {
    assertThat(Expressions.evaluate("${{ parameters.tags }}", CONTEXT)).isEqualTo(List.of("java", "pci"));
    assertThat(Expressions.evaluate("${{ parameters.replicas }}", CONTEXT)).isEqualTo(3);
  }

  @Test
  void textAroundExpressionsMakesAString() {
    assertThat(Expressions.evaluate("svc-${{ parameters.name | lower }} (${{ parameters.replicas }})", CONTEXT))
        .isEqualTo("svc-payments (3)");
  }

  @Test
  void stepOutputsAreReadWithBrackets() {
    assertThat(Expressions.evaluate("${{ steps['publish'].output.remoteUrl }}", CONTEXT))
        .isEqualTo("https://github.com/acme/payments");
    assertThat(Expressions.evaluate("${{ steps.publish.output.missing | default('none') }}", CONTEXT)).isEqualTo("none");
  }

  @Test
  void filtersParseRepositoryAndEntityReferences() {
    assertThat(Expressions.evaluate("${{ parameters.repoUrl | parseRepoUrl }}", CONTEXT))
        .isEqualTo(Map.of("host", "github.com", "owner", "acme", "repo", "payments"));
    assertThat(Expressions.evaluate("${{ parameters.owner | parseEntityRef }}", CONTEXT))
        .isEqualTo(Map.of("kind", "group", "namespace", "default", "name", "team-payments"));
    assertThat(Expressions.evaluate("${{ 'team-a' | parseEntityRef('group') }}", CONTEXT))
        .isEqualTo(Map.of("kind", "group", "namespace", "default", "name", "team-a"));
  }

  @Test
  void aFiltersResultCanBeReadFurtherInParentheses() {
    assertThat(Expressions.evaluate("${{ (parameters.owner | parseEntityRef).name }}", CONTEXT)).isEqualTo("team-payments");
    assertThat(Expressions.evaluate("${{ (parameters.repoUrl | parseRepoUrl)['repo'] | upper }}", CONTEXT)).isEqualTo("PAYMENTS");
  }

  @Test
  void conditionsCompareValues() {
    assertThat(Expressions.evaluate("${{ parameters.name == 'Payments' }}", CONTEXT)).isEqualTo(true);
    assertThat(Expressions.evaluate("${{ parameters.name | lower != 'payments' }}", CONTEXT)).isEqualTo(false);
    assertThat(Expressions.evaluate("${{ parameters.replicas == 3 }}", CONTEXT)).isEqualTo(true);
  }

  @Test
  void theJsonFilterRecordsValuesAsText() {
    assertThat(Expressions.evaluate("${{ parameters.tags | json }}", CONTEXT)).isEqualTo("[\"java\",\"pci\"]");
  }

  @Test
  void resolvesNestedStepInputs() {
    Object input = Map.of("url", "./skeleton", "values", Map.of("name", "${{ parameters.name }}",
        "tags", List.of("${{ parameters.tags | join(' ') }}")));
    assertThat(Expressions.resolve(input, CONTEXT)).isEqualTo(Map.of("url", "./skeleton",
        "values", Map.of("name", "Payments", "tags", List.of("java pci"))));
  }

  @Test
  void nothingButValuesAndFiltersCanBeReached() {
    assertThatThrownBy(() -> Expressions.evaluate("${{ System.exit(1) }}", CONTEXT))
        .hasMessageContaining("unknown name 'System'");
    assertThatThrownBy(() -> Expressions.evaluate("${{ parameters.name.getClass() }}", CONTEXT))
        .isInstanceOf(Expressions.ExpressionException.class);
    assertThatThrownBy(() -> Expressions.evaluate("${{ parameters.name | exec }}", CONTEXT))
        .hasMessageContaining("unknown filter 'exec'");
  }

  @Test
  void answersAreNotEvaluatedAgain() {
    Map<String, Object> context = Map.of("parameters", Map.of("name", "${{ steps.publish }}"));
    assertThat(Expressions.evaluate("${{ parameters.name }}", context)).isEqualTo("${{ steps.publish }}");
  }

  @Test
  void hostileRepositoryValuesAreRefused() {
    Map<String, Object> context = Map.of("parameters", Map.of("repoUrl", "github.com?owner=acme&repo=../../etc"));
    assertThatThrownBy(() -> Expressions.evaluate("${{ parameters.repoUrl | parseRepoUrl }}", context))
        .hasMessageContaining("repo '../../etc' must be letters");
  }
}
