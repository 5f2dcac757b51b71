package dev.paved.goldenpaths.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that the YAML and JSON files a golden path produces parse, so a template that renders a CI
 * file or a values file the tool will not read fails in the test kit, not in the team's first pipeline.
 * Helm templates (files under {@code templates/} next to a {@code Chart.yaml}) are Go templates, not
 * YAML, and are checked by {@code helm:lint} instead.
 */
public final class SyntaxCheck {
  /** Comments and trailing commas are allowed: tsconfig.json and editor settings are JSON with comments. */
  private static final JsonMapper JSONC = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

  private SyntaxCheck() {}

  /** The problems found, as {@code path:line: message}; empty when every file parses. */
  public static List<String> check(InMemoryWorkspace workspace) {
    Set<String> charts = new java.util.HashSet<>();
    for (String path : workspace.paths()) {
      if (path.equals("Chart.yaml") || path.endsWith("/Chart.yaml")) {
        charts.add(path.substring(0, path.length() - "Chart.yaml".length()) + "templates/");
      }
    }
    List<String> problems = new ArrayList<>();
    for (String path : workspace.paths()) {
      if (charts.stream().anyMatch(path::startsWith)) {
        continue;
      }
      byte[] content = workspace.read(path).orElseThrow();
      if (path.endsWith(".yaml") || path.endsWith(".yml")) {
        yaml(path, content, problems);
      } else if (path.endsWith(".json")) {
        json(path, content, problems);
      }
    }
    return problems;
  }

  private static void yaml(String path, byte[] content, List<String> problems) {
    try {
      // parsing events is enough to find syntax errors, and never builds (or expands) the documents
      new Parse(LoadSettings.builder().setLabel(path).build())
          .parseString(new String(content, StandardCharsets.UTF_8)).forEach(event -> {});
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      problems.add(path + ":" + line + ": not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problems.add(path + ": not valid YAML: " + e.getMessage());
    }
  }

  private static void json(String path, byte[] content, List<String> problems) {
    try {
      JSONC.readTree(content);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(path + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
    }
  }
}
