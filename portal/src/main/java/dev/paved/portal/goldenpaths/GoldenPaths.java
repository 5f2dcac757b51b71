package dev.paved.portal.goldenpaths;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The golden paths the portal offers, and their dry run. */
public interface GoldenPaths {

  List<GoldenPathSummary> list();

  Optional<GoldenPathSummary> get(String name);

  /** Templates that could not be loaded, with why: a broken template never hides the others. */
  Map<String, String> problems();

  /**
   * Checks answers against the golden path's parameters without running anything: the problems per field,
   * empty when they are valid.
   *
   * @throws GoldenPathException when there is no such golden path
   */
  Map<String, List<String>> validate(String name, Map<String, Object> answers);

  /**
   * Renders a golden path with the answers in memory and runs its checks; creates nothing.
   *
   * @throws GoldenPathException when the template does not exist or the answers are invalid (with the
   *     problems per field)
   */
  DryRunResult dryRun(String name, Map<String, Object> answers);
}
