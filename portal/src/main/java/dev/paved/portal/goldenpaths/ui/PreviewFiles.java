package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import dev.paved.portal.goldenpaths.DryRunResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The files of a preview as a folder tree, folders first, every folder open. */
final class PreviewFiles extends TreeGrid<PreviewFiles.Entry> {

  /** A folder (no file) or a file of the preview. */
  record Entry(String path, String name, DryRunResult.File file) {
    boolean isFolder() {
      return file == null;
    }
  }

  /** A folder while the tree is built: sub-folders and files by name, so each level comes out sorted. */
  private static final class Folder {
    final Map<String, Folder> folders = new TreeMap<>();
    final Map<String, DryRunResult.File> files = new TreeMap<>();
  }

  PreviewFiles(List<DryRunResult.File> files, Consumer<DryRunResult.File> onOpen) {
    addThemeVariants(GridVariant.LUMO_COMPACT);
    addHierarchyColumn(Entry::name).setHeader(files.size() + " files").setFlexGrow(1).setSortable(false);
    addColumn(e -> e.isFolder() ? "" : String.valueOf(e.file().size())).setHeader("Bytes").setAutoWidth(true)
        .setFlexGrow(0);
    Folder root = new Folder();
    for (DryRunResult.File f : files) {
      String[] segments = f.path().split("/");
      Folder folder = root;
      for (int i = 0; i < segments.length - 1; i++) {
        folder = folder.folders.computeIfAbsent(segments[i], s -> new Folder());
      }
      folder.files.put(segments[segments.length - 1], f);
    }
    TreeData<Entry> data = new TreeData<>();
    add(data, null, "", root);
    setTreeData(data);
    expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
    addSelectionListener(e -> e.getFirstSelectedItem().filter(entry -> !entry.isFolder())
        .ifPresent(entry -> onOpen.accept(entry.file())));
  }

  private static void add(TreeData<Entry> data, Entry parent, String prefix, Folder folder) {
    folder.folders.forEach((name, sub) -> {
      Entry entry = new Entry(prefix + name + "/", name, null);
      data.addItem(parent, entry);
      add(data, entry, prefix + name + "/", sub);
    });
    folder.files.forEach((name, file) -> data.addItem(parent, new Entry(file.path(), name, file)));
  }

  /** Opens a file, as a click on its row would. */
  void open(String path) {
    getTreeData().getRootItems().stream().flatMap(this::flatten).filter(e -> e.path().equals(path)).findFirst()
        .ifPresent(this::select);
  }

  private java.util.stream.Stream<Entry> flatten(Entry e) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(e),
        getTreeData().getChildren(e).stream().flatMap(this::flatten));
  }
}
