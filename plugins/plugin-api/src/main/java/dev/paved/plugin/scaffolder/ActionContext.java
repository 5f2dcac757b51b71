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
}
