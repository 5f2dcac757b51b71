package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyntaxCheckTest {

  private static void put(InMemoryWorkspace w, String path, String content) {
    w.write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void brokenYamlAndJsonAreReportedWithFileAndLine() {
    InMemoryWorkspace w = new InMemoryWorkspace();
    put(w, ".gitlab-ci.yml", "deploy:\n  script:\n    - sed -i \"s|^  tag: .*|  tag: \\\"$SHA\\\"|\" values.yaml\n");
    put(w, "monitoring/dashboard.json", "{\n  \"title\": \"x\",\n  oops\n}");
    put(w, "deploy/dev/values.yaml", "replicas: 1\n---\nsecond: doc\n");
    put(w, "tsconfig.json", "{\n  // comments are allowed in tsconfig\n  \"strict\": true,\n}\n");
    var problems = SyntaxCheck.check(w);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).isEqualTo(".gitlab-ci.yml:3: not valid YAML: mapping values are not allowed here");
    assertThat(problems.get(1)).startsWith("monitoring/dashboard.json:3: not valid JSON: ");
  }

  @Test
  void helmTemplatesAreLeftToHelm() {
    InMemoryWorkspace w = new InMemoryWorkspace();
    put(w, "chart/Chart.yaml", "apiVersion: v2\nname: x\nversion: 0.1.0\n");
    put(w, "chart/templates/deployment.yaml", "{{- if .Values.x }}\nkind: Deployment\n{{- end }}\n");
    put(w, "templates/other.yaml", "{{ not: [yaml\n");
    assertThat(SyntaxCheck.check(w)).singleElement().asString().startsWith("templates/other.yaml:2: not valid YAML");
  }
}
