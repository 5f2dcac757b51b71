package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.RevisionInfo;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.deploy.Deployments.DeployedRevision;
import java.util.ArrayList;
import java.util.List;

/** Every deployed revision with its commits, newest first, and Rollback to one of them. */
class HistoryDialog extends Dialog {

  HistoryDialog(Deployments deployments, DeploymentOperations operations, DeploymentRef ref, Div outcome, Runnable after) {
    setHeaderTitle("History of " + ref.name());
    setWidth("min(1100px, 95vw)");
    setId("history-dialog");
    boolean argo = operations.properties().argoCdRollback();
    add(new Paragraph(argo
        ? "Rollback uses Argo CD's rollback: auto-sync is switched off first, and the next sync from Git undoes it."
        : "Rollback writes that deployment's configuration back to the GitOps repository as a commit and syncs, "
            + "so Git and the cluster agree."));
    Grid<DeployedRevision> grid = new Grid<>();
    grid.addColumn(r -> r.entry().id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(r -> Badges.time(r.entry().deployedAt())).setHeader("Deployed").setAutoWidth(true);
    grid.addColumn(r -> commits(r)).setHeader("Commits").setFlexGrow(3);
    grid.addColumn(r -> r.entry().initiatedBy()).setHeader("By").setAutoWidth(true);
    grid.addComponentColumn(r -> {
      Button rollback = new Button("Roll back", e -> Confirm.open("Roll back " + ref.name() + " to deployment "
          + r.entry().id() + "?", argo ? "Argo CD redeploys that revision; auto-sync is switched off first."
          : "Its configuration is committed to the GitOps repository (" + String.join(", ", shortRevisions(r))
            + ") and synced.", "Roll back", null, outcome, () -> operations.rollback(ref, r.entry().id()), () -> {
              close();
              after.run();
            }));
      rollback.setId("rollback-" + r.entry().id());
      return rollback;
    }).setKey("rollback").setAutoWidth(true);
    grid.setAllRowsVisible(true);
    grid.setId("history-grid");
    try {
      List<DeployedRevision> history = deployments.history(ref);
      grid.setItems(history);
      add(history.isEmpty() ? new Paragraph("Argo CD has not deployed " + ref.name() + " yet.") : grid);
    } catch (DeploymentException e) {
      Div problem = new Div("The history could not be read: " + e.getMessage());
      problem.addClassName("paved-problem");
      add(problem);
    }
    getFooter().add(new Button("Close", e -> close()));
  }

  private static String commits(DeployedRevision r) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < r.entry().revisions().size(); i++) {
      RevisionInfo info = i < r.commits().size() ? r.commits().get(i) : null;
      String revision = Badges.shortRevision(r.entry().revisions().get(i));
      parts.add(info == null ? revision : revision + " " + info.message().strip().lines().findFirst().orElse("")
          + " (" + info.author() + ", " + Badges.time(info.date()) + ")");
    }
    return String.join(" · ", parts);
  }

  private static List<String> shortRevisions(DeployedRevision r) {
    return r.entry().revisions().stream().map(Badges::shortRevision).toList();
  }
}
