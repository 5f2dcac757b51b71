package dev.paved.portal.git;

import dev.paved.plugin.git.GitHostException;
import dev.paved.plugin.scaffolder.Actor;
import java.util.List;
import java.util.Map;

/**
 * The GitOps repository: one repository, a folder per service and environment, which Argo CD deploys
 * from. Created on first use; every change is one commit authored by the user who asked for it.
 */
public interface GitOps {

  /** Where people and Argo CD clone it from. */
  String cloneUrl();

  /**
   * Writes files and deletes folders as one commit on {@code main}, retrying when someone else pushed
   * meanwhile.
   *
   * @param writes file contents by path from the repository's root
   * @param deleteFolders folders to remove, with everything in them
   * @param mustNotExist a folder that must not exist yet (the service's), or null
   * @return the new commit's id, or the current one when nothing changed
   * @throws GitHostException with {@link GitHostException#conflict()} when {@code mustNotExist} exists, or
   *     when the repository cannot be reached or written
   */
  String commit(Map<String, byte[]> writes, List<String> deleteFolders, String mustNotExist, String message,
      Actor author) throws GitHostException;

  /**
   * Commits a change worked out from the repository as it is: {@code change} reads the files at the head it
   * builds on and says what to write and delete. When another commit lands first, the change is worked out
   * again on the new head, so nothing that landed meanwhile (a CI job bumping an image) is overwritten.
   *
   * @return the new commit's id, or the current one when nothing changed
   * @throws GitHostException when the repository cannot be reached or written
   */
  String commit(Change change, String message, Actor author) throws GitHostException;

  /** The repository does not have a commit that was asked for. */
  final class UnknownRevision extends GitHostException {
    public UnknownRevision(String message) {
      super(message, false);
    }
  }

  /** A change of the GitOps repository, worked out from its head. */
  @FunctionalInterface
  interface Change {
    /**
     * @param head reads a file at the head (empty when it does not exist)
     * @return what to write and which folders to delete (deletions apply first)
     */
    Edit on(java.util.function.Function<String, java.util.Optional<byte[]>> head) throws GitHostException;
  }

  /**
   * Files to write and folders to delete, in one commit.
   *
   * @param writes contents by path from the root
   * @param deleteFolders folders (or files) removed before the writes
   */
  record Edit(Map<String, byte[]> writes, List<String> deleteFolders) {}

  /**
   * The files of a folder (or one file) as they are at a commit, fetched fresh, by path from the repository's
   * root: what a GitOps rollback puts back.
   *
   * @param revision a commit id, or null for the head of {@code main}
   * @param path a folder or file path from the root
   * @throws UnknownRevision when the repository does not have that commit
   * @throws GitHostException when the repository cannot be read
   */
  Map<String, byte[]> read(String revision, String path) throws GitHostException;
}
