package dev.paved.plugin.scaffolder;

import java.util.Map;

/** What an action run sees and where it reports. */
public interface ActionContext {

  /** The step's input, with every expression resolved and validated against the input schema. */
  Map<String, Object> input();

  /** The files being produced. */
  Workspace workspace();

  /** The template's own files (its skeletons), read-only, by path relative to the template folder. */
  Map<String, byte[]> templateFiles();

  /** Whether this is a dry run: nothing outside the workspace may change. */
  boolean dryRun();

  /** Writes a line to the task's log. */
  void log(String line);

  /** Sets an output later steps read as {@code steps['id'].output.name}. */
  void output(String name, Object value);

  /** Who runs the task; commits an action makes carry this author. */
  default Actor actor() {
    return new Actor("user:default/guest", "Paved", "paved@localhost");
  }

  /** The task's id, stable across retries: actions use it to recognise what an earlier try created. */
  default String taskId() {
    return "dry-run";
  }

  /**
   * Records how to undo what this run changed outside the workspace, such as the repository it created.
   * The record is stored with the task as JSON (strings, numbers, booleans, lists and maps only) and
   * given back to {@link ScaffolderAction#undo} when the user asks to undo the task, possibly after a
   * restart. Call it as soon as the change exists, before anything that may fail, so a failure half-way
   * through leaves a way back.
   */
  default void recordUndo(java.util.Map<String, Object> record) {}

  /** Whether the user cancelled the task: a long action checks it and stops with an ActionException. */
  default boolean cancelled() {
    return false;
  }
}
