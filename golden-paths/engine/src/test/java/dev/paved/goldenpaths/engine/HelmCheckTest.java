package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.goldenpaths.engine.SkeletonRenderer.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Helm, through helm-java's bundled native library. */
class HelmCheckTest {

  private static RenderedFile file(String path, String text) {
    return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  static final List<RenderedFile> CHART = List.of(
      file("chart/Chart.yaml", "apiVersion: v2\nname: payments\nversion: 0.1.0\nappVersion: \"1.0.0\"\n"
          + "icon: https://example.com/icon.png\n"),
      file("chart/values.yaml", "image: ghcr.io/acme/payments:1.0.0\nreplicas: 1\n"),
      file("chart/templates/deployment.yaml", """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: {{ .Release.Name }}-payments
          spec:
            replicas: {{ .Values.replicas }}
            selector:
              matchLabels: {app: payments}
            template:
              metadata:
                labels: {app: payments}
              spec:
                containers:
                  - name: app
                    image: {{ .Values.image }}
          """),
      file("deploy/prod/values.yaml", "replicas: 3\n"),
      file("deploy/dev/values.yaml", "replicas: 1\n"));

  @Test
  void lintsAndRendersTheChartWithEachEnvironmentsValues() {
    HelmCheck.Report report = HelmCheck.check(CHART, "chart",
        Map.of("dev", "deploy/dev/values.yaml", "prod", "deploy/prod/values.yaml"));
    assertThat(report.lintFailed()).as(report.lintMessages().toString()).isFalse();
    assertThat(report.errors()).isEmpty();
    assertThat(report.manifests().get("prod")).contains("replicas: 3").contains("name: release-payments");
    assertThat(report.manifests().get("dev")).contains("replicas: 1");
    // the rendered workload then meets the policy rules, which this bare chart does not
    assertThat(PolicyCheck.check("prod.yaml", report.manifests().get("prod"))).isNotEmpty();
  }

  @Test
  void aBrokenChartIsReportedNotThrown() {
    List<RenderedFile> broken = List.of(CHART.get(0), CHART.get(1),
        file("chart/templates/deployment.yaml", "kind: Deployment\nmetadata:\n  name: {{ .Values.missing.deep }}\n"),
        CHART.get(3));
    HelmCheck.Report report = HelmCheck.check(broken, "chart", Map.of("prod", "deploy/prod/values.yaml"));
    assertThat(report.ok()).isFalse();
    assertThat(report.errors().get("prod")).contains("nil pointer");
  }

  @Test
  void aMissingChartIsAFinding() {
    assertThat(HelmCheck.check(List.of(), "chart", Map.of()).lintMessages()).containsExactly("no Chart.yaml in chart");
  }
}
