package dev.paved.plugin.deploy;

import java.time.Instant;

/**
 * The commit behind a deployed revision.
 *
 * @param revision the commit id
 * @param author who wrote it, as Git has it
 * @param date when
 * @param message its message
 */
public record RevisionInfo(String revision, String author, Instant date, String message) {

  public RevisionInfo {
    author = author == null ? "" : author;
    message = message == null ? "" : message;
  }
}
