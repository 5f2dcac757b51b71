package dev.paved.portal.catalog;

import dev.paved.plugin.catalog.EntityRef;
import java.util.Map;

/**
 * The files that travel with an entity's descriptor in its source, such as a golden path's skeleton next
 * to its {@code template.yaml}, read from the entity's location as it is now.
 */
public interface CatalogFiles {

  /**
   * Reads every file in the folder of the entity's descriptor file, and below it.
   *
   * @param maxFiles the most files accepted; a folder with more is refused
   * @param maxBytes the most bytes accepted in all
   * @throws CatalogException NOT_FOUND when the catalog has no such entity, UNREADABLE when its source
   *     cannot be read, cannot list folders, or holds more than the limits allow
   */
  Folder folderOf(EntityRef ref, int maxFiles, long maxBytes);

  /**
   * A folder's files.
   *
   * @param descriptor the descriptor's path relative to the folder, such as {@code template.yaml}
   * @param revision the source's revision (a commit id), or {@code null} when the source has none
   * @param url where the folder lies, for display
   * @param files contents by path relative to the folder, {@code /}-separated
   */
  record Folder(String descriptor, String revision, String url, Map<String, byte[]> files) {}
}
