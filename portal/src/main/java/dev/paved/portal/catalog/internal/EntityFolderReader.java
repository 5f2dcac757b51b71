package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.SourceSnapshot;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogFiles;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityDetails;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Reads the folder of an entity's descriptor through the reader of the entity's location. */
@Service
class EntityFolderReader implements CatalogFiles {
  private final CatalogQueries queries;
  private final LocationProcessor processor;

  EntityFolderReader(CatalogQueries queries, LocationProcessor processor) {
    this.queries = queries;
    this.processor = processor;
  }

  @Override
  public Folder folderOf(EntityRef ref, int maxFiles, long maxBytes) {
    EntityDetails.Source source = queries.get(ref).map(EntityDetails::source)
        .orElseThrow(() -> new CatalogException(CatalogException.Reason.NOT_FOUND, "the catalog has no entity " + ref));
    if (source == null || source.path() == null) {
      throw new CatalogException(CatalogException.Reason.UNREADABLE, ref + " has no source file in the catalog");
    }
    String path = source.path();
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash);
    String prefix = folder.isEmpty() ? "" : folder + "/";
    try (SourceSnapshot snapshot = processor.open(source.locationType(), source.locationTarget())) {
      List<String> paths = snapshot.list(folder);
      if (paths.size() > maxFiles) {
        throw new CatalogException(CatalogException.Reason.UNREADABLE, snapshot.displayUrl(folder) + " holds "
            + paths.size() + " files, more than the " + maxFiles + " allowed next to a descriptor");
      }
      Map<String, byte[]> files = new TreeMap<>();
      long total = 0;
      for (String p : paths) {
        byte[] bytes = snapshot.read(p).content();
        total += bytes.length;
        if (total > maxBytes) {
          throw new CatalogException(CatalogException.Reason.UNREADABLE, snapshot.displayUrl(folder)
              + " holds more than the " + maxBytes + " bytes allowed next to a descriptor");
        }
        files.put(p.substring(prefix.length()), bytes);
      }
      return new Folder(path.substring(prefix.length()), snapshot.revision(), snapshot.displayUrl(folder), files);
    } catch (LocationException e) {
      throw new CatalogException(CatalogException.Reason.UNREADABLE, "could not read the files next to " + ref
          + ": " + e.getMessage());
    }
  }
}
