package dev.paved.goldenpaths.engine;

import com.networknt.schema.Schema;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.plugin.scaffolder.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs a golden path's steps in order through the action registry: evaluates each step's {@code if},
 * resolves its input's expressions, validates the input against the action's schema, and runs it. A dry
 * run skips the actions that would change anything outside the workspace and says so.
 */
public final class StepRunner {
  private final Map<String, ScaffolderAction> actions = new LinkedHashMap<>();
  private final Map<String, Schema> inputSchemas = new ConcurrentHashMap<>();
  private final boolean offline;

  public StepRunner(Collection<? extends ScaffolderAction> registered) {
    this(registered, false);
  }

  /**
   * A runner for the template test kit, outside the portal: a dry run skips steps whose action is not
   * installed here (the portal's {@code publish:git}, {@code catalog:register}, a plugin's action) and
   * says so, instead of failing; a real run still refuses them.
   */
  public static StepRunner offline(Collection<? extends ScaffolderAction> registered) {
    return new StepRunner(registered, true);
  }

  private StepRunner(Collection<? extends ScaffolderAction> registered, boolean offline) {
    this.offline = offline;
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
  public enum Status { DONE, SKIPPED, FAILED, CANCELLED }

  /** The outcome of a run: each step, and the template's output with its expressions resolved. */
  public record RunResult(List<StepResult> steps, Map<String, Object> output) {
    public boolean succeeded() {
      return steps.stream().noneMatch(s -> s.status() == Status.FAILED || s.status() == Status.CANCELLED);
    }
  }

  /** Follows a run as it happens; a task stores and shows these. Called on the running thread. */
  public interface Listener {
    default void stepStarted(String stepId, String name) {}

    default void logged(String stepId, String line) {}

    /** An action recorded how to undo what it changed (see {@link ActionContext#recordUndo}). */
    default void undoRecorded(String stepId, Map<String, Object> record) {}

    default void stepFinished(StepResult result) {}
  }

  /**
   * How to run.
   *
   * @param dryRun skip the actions that change anything outside the workspace
   * @param actor who runs it
   * @param taskId the task's id, stable across retries
   * @param alreadyDone outputs of steps an earlier try completed, by step id: those of actions that
   *     change the outside world are not run again (a retry continues where the failure was); steps that
   *     only build the workspace run again, since the workspace is not kept between tries
   * @param listener follows the run
   * @param cancelled asked before each step and by long actions
   */
  public record Options(boolean dryRun, Actor actor, String taskId, Map<String, Map<String, Object>> alreadyDone,
      Listener listener, BooleanSupplier cancelled) {
    public static Options forDryRun() {
      return new Options(true, new Actor("user:default/guest", "Paved", "paved@localhost"), "dry-run", Map.of(),
          new Listener() {}, () -> false);
    }
  }

  /** An undo record left by a step, as stored with its task. */
  public record UndoRecord(String stepId, String action, Map<String, Object> record) {}

  /** What became of one step's undo. */
  public record UndoResult(String stepId, String action, boolean undone, List<String> log, String error) {}

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
    return run(template, templateFiles, answers, workspace, dryRun ? Options.forDryRun()
        : new Options(false, Options.forDryRun().actor(), "run", Map.of(), new Listener() {}, () -> false));
  }

  /**
   * Runs every step with the given options. Stops at the first failing step, or before the next step
   * once the run is cancelled.
   *
   * @throws InvalidAnswersException when the answers do not match the parameters (nothing runs)
   */
  public RunResult run(GoldenPath template, Map<String, byte[]> templateFiles, Map<String, ?> answers,
      Workspace workspace, Options options) {
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
      String name = step.name() == null ? step.id() : step.name();
      if (options.cancelled().getAsBoolean()) {
        StepResult cancelled = new StepResult(step.id(), name, step.action(), Status.CANCELLED,
            List.of("cancelled before it started"), Map.of(), 0, "the task was cancelled");
        results.add(cancelled);
        options.listener().stepFinished(cancelled);
        break;
      }
      options.listener().stepStarted(step.id(), name);
      StepResult result = runStep(step, templateFiles, context, workspace, options);
      results.add(result);
      options.listener().stepFinished(result);
      steps.put(step.id(), Map.of("output", result.output()));
      if (result.status() == Status.FAILED || result.status() == Status.CANCELLED) {
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
      Workspace workspace, Options options) {
    boolean dryRun = options.dryRun();
    long start = System.nanoTime();
    List<String> log = new ArrayList<>() {
      @Override
      public boolean add(String line) {
        options.listener().logged(step.id(), line);
        return super.add(line);
      }
    };
    Map<String, Object> output = new LinkedHashMap<>();
    String name = step.name() == null ? step.id() : step.name();
    try {
      if (step.condition() != null && !truthy(step.condition() instanceof String s ? Expressions.evaluate(s, context) : step.condition())) {
        log.add("skipped: its condition is false");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      ScaffolderAction action = actions.get(step.action());
      if (action == null && offline && dryRun) {
        log.add("skipped: " + step.action() + " is not installed here; the portal runs it");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      if (action == null) {
        throw new ActionException("unknown action '" + step.action() + "'; available: " + String.join(", ", actions.keySet()));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> input = (Map<String, Object>) Expressions.resolve(step.input(), context);
      List<String> problems = JsonSchemas.problems(
          inputSchemas.computeIfAbsent(action.id(), id -> JsonSchemas.compile(action.inputSchema())), input);
      if (!problems.isEmpty() && dryRun && !action.supportsDryRun() && mentionsSteps(step.input())) {
        // it reads outputs of steps a dry run skipped (a repository's URL), which do not exist yet
        log.add("skipped in a dry run: " + action.id() + " changes things outside the workspace, and its input"
            + " uses outputs of steps a dry run does not run");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      if (!problems.isEmpty()) {
        throw new ActionException("input of " + action.id() + " is not valid: " + String.join("; ", problems));
      }
      if (dryRun && !action.supportsDryRun()) {
        log.add("skipped in a dry run: " + action.id() + " changes things outside the workspace");
        return new StepResult(step.id(), name, step.action(), Status.SKIPPED, log, output, millis(start), null);
      }
      Map<String, Object> earlier = options.alreadyDone().get(step.id());
      if (earlier != null && !action.supportsDryRun()) {
        output.putAll(earlier);
        log.add("done in an earlier try; not run again");
        return new StepResult(step.id(), name, step.action(), Status.DONE, log, output, millis(start), null);
      }
      // an action that returns has done its work, cancelled or not: a retry must not do it again
      action.run(new Context(input, workspace, templateFiles, dryRun, log, output, options, step.id()));
      return new StepResult(step.id(), name, step.action(), Status.DONE, log, output, millis(start), null);
    } catch (ActionException e) {
      if (options.cancelled().getAsBoolean()) {
        log.add("cancelled: " + e.getMessage());
        return new StepResult(step.id(), name, step.action(), Status.CANCELLED, log, output, millis(start),
            "the task was cancelled");
      }
      log.add("failed: " + e.getMessage());
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), e.getMessage());
    } catch (Expressions.ExpressionException | IllegalArgumentException e) {
      log.add("failed: " + e.getMessage());
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), e.getMessage());
    } catch (RenderException | TemplateRefusedException e) {
      log.add("failed: " + e.getMessage());
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), e.getMessage());
    } catch (RuntimeException e) {
      // a bug in an action (a plugin's, too) fails its step, with what is known, rather than the whole run
      String message = step.action() + " failed unexpectedly: " + e;
      log.add("failed: " + message);
      return new StepResult(step.id(), name, step.action(), Status.FAILED, log, output, millis(start), message);
    }
  }

  private static boolean mentionsSteps(Object input) {
    return switch (input) {
      case String s -> s.contains("steps.") || s.contains("steps[");
      case Map<?, ?> m -> m.values().stream().anyMatch(StepRunner::mentionsSteps);
      case List<?> l -> l.stream().anyMatch(StepRunner::mentionsSteps);
      case null, default -> false;
    };
  }

  private static boolean truthy(Object value) {
    return !(value == null || Boolean.FALSE.equals(value) || "".equals(value) || "false".equals(value)
        || (value instanceof Number n && n.doubleValue() == 0));
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Undoes a task: calls each recorded step's action in reverse order. Every record is tried even when
   * an earlier one fails, so one stubborn step does not keep the others in place.
   */
  public List<UndoResult> undo(List<UndoRecord> records, Options options) {
    List<UndoResult> results = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      UndoRecord r = records.get(i);
      List<String> log = new ArrayList<>();
      ScaffolderAction action = actions.get(r.action());
      try {
        if (action == null) {
          throw new ActionException("action " + r.action() + " is no longer installed; undo " + r.record() + " by hand");
        }
        Context context = new Context(Map.of(), new InMemoryWorkspace(), Map.of(), false, log, new LinkedHashMap<>(),
            options, r.stepId());
        action.undo(r.record(), context);
        log.forEach(line -> options.listener().logged(r.stepId(), line));
        results.add(new UndoResult(r.stepId(), r.action(), true, log, null));
      } catch (ActionException | RuntimeException e) {
        log.forEach(line -> options.listener().logged(r.stepId(), line));
        options.listener().logged(r.stepId(), "undo failed: " + e.getMessage());
        results.add(new UndoResult(r.stepId(), r.action(), false, log, e.getMessage()));
      }
    }
    return results;
  }

  private record Context(Map<String, Object> input, Workspace workspace, Map<String, byte[]> templateFiles,
      boolean dryRun, List<String> lines, Map<String, Object> outputs, Options options, String stepId)
      implements ActionContext {
    @Override
    public void log(String line) {
      lines.add(line);
    }

    @Override
    public void output(String name, Object value) {
      outputs.put(name, value);
    }

    @Override
    public Actor actor() {
      return options.actor();
    }

    @Override
    public String taskId() {
      return options.taskId();
    }

    @Override
    public void recordUndo(Map<String, Object> record) {
      options.listener().undoRecorded(stepId, Map.copyOf(record));
    }

    @Override
    public boolean cancelled() {
      return options.cancelled().getAsBoolean();
    }
  }
}
