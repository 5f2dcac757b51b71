package dev.paved.goldenpaths.engine;

import java.util.List;
import java.util.Map;

/**
 * A golden path as its {@code template.yaml} declares it, in Backstage's {@code
 * scaffolder.backstage.io/v1beta3} envelope.
 *
 * @param name {@code metadata.name}
 * @param version the {@value #VERSION_ANNOTATION} annotation, {@code unversioned} when absent
 * @param parameters the form, as pages of JSON Schema objects (a single object is one page)
 * @param steps what runs, in order
 * @param output links and text shown when the task ends
 */
public record GoldenPath(
    String name,
    String title,
    String description,
    List<String> tags,
    String owner,
    String type,
    String version,
    List<Map<String, Object>> parameters,
    List<Step> steps,
    Map<String, Object> output) {

  /** Where a golden path states its version. */
  public static final String VERSION_ANNOTATION = "paved.dev/version";

  /**
   * One step.
   *
   * @param id unique within the template; later steps read its output as {@code steps['id']}
   * @param action the action id, such as {@code fetch:template}
   * @param input the action's input, with expressions still unresolved
   * @param condition the {@code if} expression or literal; {@code null} runs always
   */
  public record Step(String id, String name, String action, Map<String, Object> input, Object condition) {}
}
