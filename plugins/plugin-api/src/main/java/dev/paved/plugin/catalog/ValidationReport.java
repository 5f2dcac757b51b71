package dev.paved.plugin.catalog;

/** Collects validation problems for one entity. */
public interface ValidationReport {

  /**
   * Records a problem.
   *
   * @param field the field at fault, as a dotted path such as {@code spec.owner}, or {@code null} for
   *     the whole entity
   * @param message what is wrong and, where it helps, what to write instead
   */
  void problem(String field, String message);
}
