package dev.paved.plugin.scaffolder;

/**
 * Who runs a task: commits carry this name and e-mail, and audit records this reference.
 *
 * @param ref the user's catalog reference, such as {@code user:default/jane}
 * @param name the display name, used as commit author
 * @param email the e-mail address, used as commit author
 */
public record Actor(String ref, String name, String email) {}
