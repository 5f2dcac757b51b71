package dev.paved.goldenpaths.engine;

import com.networknt.schema.Schema;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.plugin.scaffolder.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a golden path's steps in order through the action registry: evaluates each step's {@code if},
 * resolves its input's expressions, validates the input against the action's schema, and runs it. A dry
 * run skips the actions that would change anything outside the workspace and says so.
 */
public final class StepRunner {
  private final Map<String, ScaffolderAction> actions = new LinkedHashMap<>();
  private final Map<String, Schema> inputSchemas = new ConcurrentHashMap<>();

  public StepRunner(Collection<? extends ScaffolderAction> registered) {
    for (ScaffolderAction a : registered) {
      ScaffolderAction other = actions.putIfAbsent(a.id(), a);
      if (other != null) {
        throw new IllegalStateException("two actions claim id '" + a.id() + "': " + other.getClass().getName()
            + " and " + a.getClass().getName());
      }
    }
  }

  /** The registered actions by id. */
  public Map<String, ScaffolderAction> actions() {
    return Map.copyOf(actions);
  }

  /** The outcome of one step. */
  public record StepResult(String id, String name, String action, Status status, List<String> log,
      Map<String, Object> output, long millis, String error) {}

  /** What became of a step. */
  public enum Status { DONE, SKIPPED, FAILED }

  /** The outcome of a run: each step, and the template's output with its expressions resolved. */
  public record RunResult(List<StepResult> steps, Map<String, Object> output) {
    public boolean succeeded() {
      return steps.stream().noneMatch(s -> s.status() == Status.FAILED);
    }
  }

  /** The answers do not satisfy the template's parameters; nothing ran. */
  public static class InvalidAnswersException extends RuntimeException {
    private final Map<String, List<String>> problems;

    public InvalidAnswersException(Map<String, List<String>> problems) {
      super("the answers are not valid: " + problems);
      this.problems = problems;
    }

    public Map<String, List<String>> problems() {
      return problems;
    }
  }

  /**
   * Runs every step. Stops at the first failing step.
   *
   * @throws InvalidAnswersException when the answers do not match the parameters (nothing runs)
   */
  public RunResult run(GoldenPath template, Map<String, byte[]> templateFiles, Map<String, ?> answers,
      Workspace workspace, boolean dryRun) {
    Map<String, List<String>> invalid = new AnswerValidator(template).validate(answers);
    if (!invalid.isEmpty()) {
      throw new InvalidAnswersException(invalid);
    }
    Map<String, Object> steps = new LinkedHashMap<>();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("parameters", answers);
    context.put("steps", steps);
    context.put("template", Map.of("name", template.name(), "version", template.version()));
    List<StepResult> results = new ArrayList<>();
    for (GoldenPath.Step step : template.steps()) {
      StepResult result = runStep(step, templateFiles, context, workspace, dryRun);
      results.add(result);
      steps.put(step.id(), Map.of("output", result.output()));
      if (result.status() == Status.FAILED) {
        break;
      }
    }
    Object output;
    try {
      output = Expressions.resolve(template.output(), context);
    } catch (Expressions.ExpressionException e) {
      output = Map.of("error", e.getMessage());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) output;
    return new RunResult(results, out);
  }

  private StepResult runStep(GoldenPath.Step step, Map<String, byte[]> templateFiles, Map<String, Object> context,
      Workspace workspace, boolean dryRun) {
    long start = System.nanoTime();
    List<String> log = new ArrayList<>();
    Map<String, Object> output = new LinkedHashMap<>();
    String name = step.name() == null ? step.id() : step.name();
    try {
      if (step.condition() != null && !truthy(step.condition() instanceof String s ? Expressions.evaluate(s, context) : step.condition())) {
        log.add("skipped: its condition is false");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      ScaffolderAction action = actions.get(step.action());
      if (action == null) {
        throw new ActionException("unknown action '" + step.action() + "'; available: " + String.join(", ", actions.keySet()));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> input = (Map<String, Object>) Expressions.resolve(step.input(), context);
      List<String> problems = JsonSchemas.problems(
          inputSchemas.computeIfAbsent(action.id(), id -> JsonSchemas.compile(action.inputSchema())), input);
      if (!problems.isEmpty()) {
        throw new ActionException("input of " + action.id() + " is not valid: " + String.join("; ", problems));
      }
      if (dryRun && !action.supportsDryRun()) {
        log.add("skipped in a dry run: " + action.id() + " changes things outside the workspace");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      action.run(new Context(input, workspace, templateFiles, dryRun, log, output));
      return new StepResult(step.id(), name, step.action(), Status.DONE, log, output, millis(start), null);
    } catch (ActionException | Expressions.ExpressionException | IllegalArgumentException e) {
      log.add("failed: " + e.getMessage());
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), e.getMessage());
    } catch (RenderException | TemplateRefusedException e) {
      log.add("failed: " + e.getMessage());
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), e.getMessage());
    }
  }

  private static boolean truthy(Object value) {
    return !(value == null || Boolean.FALSE.equals(value) || "".equals(value) || "false".equals(value)
        || (value instanceof Number n && n.doubleValue() == 0));
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private record Context(Map<String, Object> input, Workspace workspace, Map<String, byte[]> templateFiles,
      boolean dryRun, List<String> lines, Map<String, Object> outputs) implements ActionContext {
    @Override
    public void log(String line) {
      lines.add(line);
    }

    @Override
    public void output(String name, Object value) {
      outputs.put(name, value);
    }
  }
}
