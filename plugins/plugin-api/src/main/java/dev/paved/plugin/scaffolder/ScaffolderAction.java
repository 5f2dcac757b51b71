package dev.paved.plugin.scaffolder;

import java.util.Map;

/** One kind of step a golden path can run. */
public interface ScaffolderAction {

  /** The id steps name, {@code <system>:<verb>} in kebab-case, such as {@code fetch:template}. */
  String id();

  /** What the action does, one sentence, shown in the template editor and the actions list. */
  String description();

  /** The input's JSON Schema (an object schema); the engine validates each run's input against it. */
  Map<String, Object> inputSchema();

  /**
   * Whether the action can run in a dry run. Actions that only read the template and change the
   * workspace can; actions that create repositories or call other systems cannot, and a dry run skips
   * them and says so.
   */
  default boolean supportsDryRun() {
    return false;
  }

  /**
   * Runs the action.
   *
   * @throws ActionException with a message for the user when the action cannot do its work
   */
  void run(ActionContext context) throws ActionException;

  /**
   * Reverses what a run changed outside the workspace, from the record it left with {@link
   * ActionContext#recordUndo}. Must be safe to call twice and when the change is already gone (a
   * repository deleted by hand), since an undo may be retried.
   *
   * @param record what the run recorded
   * @param context the task's context (its input is the step's input); {@code log} reaches the task's log
   * @throws ActionException when the change cannot be reversed, with what the user should do by hand
   */
  default void undo(Map<String, Object> record, ActionContext context) throws ActionException {}
}
