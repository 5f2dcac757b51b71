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
}
