package dev.paved.goldenpaths.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A template uses constructs that are refused; nothing of it was rendered. */
public class TemplateRefusedException extends RuntimeException {
  private final List<SafetyViolation> violations;

  public TemplateRefusedException(List<SafetyViolation> violations) {
    super("the template is refused: " + violations.stream().map(SafetyViolation::toString)
        .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<SafetyViolation> violations() {
    return violations;
  }
}
