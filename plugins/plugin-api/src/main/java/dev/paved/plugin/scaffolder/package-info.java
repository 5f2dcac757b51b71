/**
 * Scaffolder extension points: the actions a golden path's steps run.
 *
 * <p>An action has an id of the form {@code <system>:<verb>} ({@code fetch:template}, {@code
 * publish:git}), declares its input as a JSON Schema (the engine validates the resolved input against
 * it before running), and says whether it can run in a dry run, where nothing outside the in-memory
 * workspace may change. Actions are created once and run concurrently for different tasks, so they
 * must be stateless or thread-safe; everything a run needs comes through its {@link
 * dev.paved.plugin.scaffolder.ActionContext}.
 */
package dev.paved.plugin.scaffolder;
