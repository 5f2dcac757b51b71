package dev.paved.portal.git.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Builds commits straight into a repository's object store, from the parent's tree and a set of
 * changes, without a working folder or index on disk: writing thirty files and staging them costs more
 * than the whole commit otherwise.
 */
final class TreeCommits {
  private TreeCommits() {}

  /**
   * Creates a commit (it does not move any branch).
   *
   * @param parent the commit to build on, or null for a first commit
   * @param writes file contents by path
   * @param deleteFolders folders to remove, with everything in them
   */
  static ObjectId commit(Repository repo, ObjectId parent, Map<String, byte[]> writes, List<String> deleteFolders,
      PersonIdent author, PersonIdent committer, String message) throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
      DirCache index = DirCache.newInCore();
      if (parent != null) {
        try (RevWalk walk = new RevWalk(reader)) {
          RevCommit base = walk.parseCommit(parent);
          DirCacheEditor load = index.editor();
          try (TreeWalk tree = new TreeWalk(reader)) {
            tree.addTree(base.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
              String path = tree.getPathString();
              FileMode mode = tree.getFileMode(0);
              ObjectId id = tree.getObjectId(0);
              load.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                  entry.setFileMode(mode);
                  entry.setObjectId(id);
                }
              });
            }
          }
          load.finish();
        }
      }
      DirCacheEditor delete = index.editor();
      for (String folder : deleteFolders) {
        delete.add(new DirCacheEditor.DeleteTree(folder));
        delete.add(new DirCacheEditor.DeletePath(folder)); // when it is a file
      }
      delete.finish();
      DirCacheEditor edit = index.editor();
      for (Map.Entry<String, byte[]> w : writes.entrySet()) {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, w.getValue());
        edit.add(new DirCacheEditor.PathEdit(w.getKey()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob);
          }
        });
      }
      edit.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (parent != null) {
        commit.setParentId(parent);
      }
      commit.setAuthor(author);
      commit.setCommitter(committer);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  /** Whether a path exists in a commit's tree. */
  static boolean exists(Repository repo, ObjectId commit, String path) throws IOException {
    if (commit == null) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repo); TreeWalk found = TreeWalk.forPath(repo, path, walk.parseCommit(commit).getTree())) {
      return found != null;
    }
  }

  /** Whether two commits have the same tree (nothing changed). */
  static boolean sameTree(Repository repo, ObjectId a, ObjectId b) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(a).getTree().equals(walk.parseCommit(b).getTree());
    }
  }

  /** The files under {@code path} (a folder or one file) at a commit, by full path. */
  static Map<String, byte[]> files(Repository repo, ObjectId commit, String path) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      tree.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(path));
      while (tree.next()) {
        files.put(tree.getPathString(), repo.open(tree.getObjectId(0)).getBytes());
      }
    }
    return files;
  }

  /**
   * Whether a folder of a commit holds exactly these files with exactly these contents: the sign that an
   * earlier try of the same task already wrote them.
   */
  static boolean holdsExactly(Repository repo, ObjectId commit, String folder, Map<String, byte[]> writes)
      throws IOException {
    if (commit == null) {
      return false;
    }
    Map<String, ObjectId> expected = new java.util.TreeMap<>();
    try (ObjectInserter.Formatter hash = new ObjectInserter.Formatter()) {
      for (Map.Entry<String, byte[]> w : writes.entrySet()) {
        if (!w.getKey().startsWith(folder + "/")) {
          return false;
        }
        expected.put(w.getKey(), hash.idFor(Constants.OBJ_BLOB, w.getValue()));
      }
    }
    Map<String, ObjectId> actual = new java.util.TreeMap<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      tree.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(folder));
      while (tree.next()) {
        actual.put(tree.getPathString(), tree.getObjectId(0));
      }
    }
    return expected.equals(actual);
  }
}
