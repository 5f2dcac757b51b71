package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.portal.deploy.Deployments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The application's Kubernetes resources as a tree (Deployment, its ReplicaSets, their Pods; Services,
 * Ingresses...), each with its health, read from Argo CD when opened.
 */
class ResourceTreePanel extends VerticalLayout {
  private final Deployments deployments;
  private final DeploymentRef ref;
  private final TreeGrid<ResourceNode> grid = new TreeGrid<>();
  private final Div problem = new Div();
  private boolean loaded;
  /** Argo CD answers off the page's thread. */
  private static final java.util.concurrent.Executor LOADS = dev.paved.portal.deploy.Background.executor();

  ResourceTreePanel(Deployments deployments, DeploymentRef ref) {
    this.deployments = deployments;
    this.ref = ref;
    setPadding(false);
    setWidthFull();
    grid.addHierarchyColumn(n -> n.kind() + " " + n.name()).setHeader("Resource").setFlexGrow(3).setAutoWidth(true);
    grid.addComponentColumn(n -> n.health() == dev.paved.plugin.deploy.Health.UNKNOWN && n.healthMessage().isEmpty()
        ? new Div() : Badges.health(n.health())).setHeader("Health").setAutoWidth(true);
    grid.addColumn(n -> n.info().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", "))).setHeader("Details").setFlexGrow(2);
    grid.addColumn(n -> Badges.time(n.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.setWidthFull();
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT,
        com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setId("resource-tree-" + ref.name());
    problem.addClassName("paved-problem");
    problem.setVisible(false);
    add(problem, grid);
  }

  boolean loaded() {
    return loaded;
  }

  /** Reads the tree from Argo CD off the page's thread and shows it when it arrives. */
  void load() {
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        List<ResourceNode> nodes = deployments.tree(ref);
        ui.access(() -> show(nodes));
      } catch (DeploymentException e) {
        ui.access(() -> {
          problem.setText("The resources could not be read: " + e.getMessage());
          problem.setVisible(true);
        });
      }
    }, LOADS);
  }

  private void show(List<ResourceNode> nodes) {
    TreeData<ResourceNode> data = new TreeData<>();
    Map<String, ResourceNode> byUid = new HashMap<>();
    nodes.forEach(n -> byUid.put(n.uid(), n));
    // parents before children: add roots, then attach the rest level by level
    List<ResourceNode> pending = new java.util.ArrayList<>(nodes);
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        ResourceNode n = it.next();
        ResourceNode parent = n.parentUids().stream().map(byUid::get).filter(p -> p != null).findFirst().orElse(null);
        if (parent == null) {
          data.addItem(null, n);
        } else if (data.contains(parent)) {
          data.addItem(parent, n);
        } else {
          continue;
        }
        it.remove();
        progress = true;
      }
    }
    pending.forEach(n -> data.addItem(null, n)); // a cycle or missing parent: shown at the top
    grid.setDataProvider(new TreeDataProvider<>(data));
    grid.expandRecursively(data.getRootItems(), 3);
    problem.setVisible(false);
    loaded = true;
  }
}
