package dev.paved.goldenpaths.engine;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code helm:lint}: lints a rendered chart with real Helm (helm-java) and renders it with each
 * environment's values file, so a golden path's chart is known to template before anything is
 * created. The rendered manifests then go through {@link PolicyCheck}.
 */
public final class HelmCheck {
  private HelmCheck() {}

  /**
   * What Helm said.
   *
   * @param lintMessages Helm's lint findings
   * @param lintFailed whether lint found errors
   * @param manifests the rendered manifests per environment
   * @param errors the template error per environment that did not render
   */
  public record Report(List<String> lintMessages, boolean lintFailed, Map<String, String> manifests,
      Map<String, String> errors) {
    public boolean ok() {
      return !lintFailed && errors.isEmpty();
    }
  }

  /**
   * Lints and templates a chart among rendered files.
   *
   * @param files the rendered output
   * @param chartDir the chart's folder in the output, such as {@code chart}
   * @param valuesByEnvironment each environment's values file, relative to the output root
   */
  public static Report check(List<SkeletonRenderer.RenderedFile> files, String chartDir,
      Map<String, String> valuesByEnvironment) {
    Path work;
    try {
      work = Files.createTempDirectory("paved-helm-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (SkeletonRenderer.RenderedFile f : files) {
        Path target = work.resolve(f.path()).normalize();
        if (!target.startsWith(work)) {
          throw new IllegalArgumentException(f.path() + " is outside the output");
        }
        Files.createDirectories(target.getParent());
        Files.write(target, f.content());
      }
      Path chart = work.resolve(chartDir).normalize();
      if (!chart.startsWith(work) || !Files.exists(chart.resolve("Chart.yaml"))) {
        return new Report(List.of("no Chart.yaml in " + chartDir), true, Map.of(), Map.of());
      }
      LintResult lint = new Helm(chart).lint().strict().call();
      Map<String, String> manifests = new LinkedHashMap<>();
      Map<String, String> errors = new LinkedHashMap<>();
      valuesByEnvironment.forEach((env, values) -> {
        try {
          manifests.put(env, new Helm(chart).template().withName("release").withValuesFile(work.resolve(values)).call());
        } catch (RuntimeException e) {
          errors.put(env, e.getMessage());
        }
      });
      return new Report(lint.getMessages(), lint.isFailed(), manifests, errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      JvmSignals.restore();
      deleteQuietly(work);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder costs disk space only
    }
  }
}
