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
   * The files of a folder (or one file) as they are at a commit, fetched fresh, by path from the repository's
   * root: what a GitOps rollback puts back.
   *
   * @param revision a commit id, or null for the head of {@code main}
   * @param path a folder or file path from the root
   * @throws GitHostException when the repository cannot be read or does not have that commit
   */
  Map<String, byte[]> read(String revision, String path) throws GitHostException;
}
