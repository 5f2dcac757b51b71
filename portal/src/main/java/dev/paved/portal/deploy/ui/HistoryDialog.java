package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every deployed revision with its commits, newest first, and Rollback to one of them. */
class HistoryDialog extends Dialog {

  HistoryDialog(Deployments deployments, DeploymentOperations operations, DeploymentRef ref, Div outcome, Runnable after) {
    setHeaderTitle("History of " + ref.name());
    setWidth("min(1100px, 95vw)");
    setId("history-dialog");
    boolean argo = operations.properties().argoCdRollback();
    java.util.Optional<String> refused = deployments.get(ref).flatMap(operations::refusal);
    add(new Paragraph(argo
        ? "Rollback uses Argo CD's rollback: auto-sync is switched off first, and the next sync from Git undoes it."
        : "Rollback writes that deployment's configuration back to the GitOps repository as a commit and syncs, "
            + "so Git and the cluster agree."));
    refused.ifPresent(why -> {
      Paragraph note = new Paragraph(why);
      note.setId("rollback-refused");
      note.addClassName("paved-problem");
      add(note);
    });
    Grid<HistoryEntry> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    Map<HistoryEntry, List<Span>> commitTexts = new HashMap<>();
    grid.addColumn(HistoryEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(h -> Badges.time(h.deployedAt())).setHeader("Deployed").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(h -> {
      Div commits = new Div();
      commitTexts.getOrDefault(h, List.of()).forEach(span -> commits.add(new Div(span.getText())));
      return commits;
    }).setHeader("Commits").setFlexGrow(3).setKey("commits");
    grid.addColumn(HistoryEntry::initiatedBy).setHeader("By").setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(h -> {
      Button rollback = new Button("Roll back", e -> Confirm.open("Roll back " + ref.name() + " to deployment "
          + h.id() + "?", argo ? "Argo CD redeploys that revision; auto-sync is switched off first."
          : "Its GitOps configuration (" + String.join(", ", h.revisions().stream().map(Badges::shortRevision).toList())
            + ") is committed back to the GitOps repository and synced.", "Roll back", null, outcome,
          () -> () -> operations.rollback(ref, h.id()), () -> {
            close();
            after.run();
          }));
      rollback.setId("rollback-" + h.id());
      refused.ifPresent(why -> {
        rollback.setEnabled(false);
        rollback.setTooltipText(why);
      });
      return rollback;
    }).setKey("rollback").setAutoWidth(true).setFlexGrow(0);
    grid.setAllRowsVisible(true);
    grid.setId("history-grid");
    try {
      List<HistoryEntry> history = deployments.entries(ref);
      grid.setItems(history);
      add(history.isEmpty() ? new Paragraph("Argo CD has not deployed " + ref.name() + " yet.") : grid);
      // commit details arrive one by one, looked up off the page's thread
      UI ui = UI.getCurrent();
      for (HistoryEntry entry : history) {
        List<Span> texts = new ArrayList<>();
        for (int i = 0; i < entry.revisions().size(); i++) {
          Span text = new Span(Badges.shortRevision(entry.revisions().get(i)));
          texts.add(text);
          String revision = entry.revisions().get(i);
          deployments.commitAsync(ref, revision, i).thenAccept(info -> {
            if (info != null && ui != null) {
              ui.access(() -> {
                text.setText(Badges.shortRevision(revision) + " " + info.message().strip().lines().findFirst().orElse("")
                    + " (" + info.author() + ", " + Badges.time(info.date()) + ")");
                grid.getDataProvider().refreshItem(entry);
              });
            }
          });
        }
        commitTexts.put(entry, texts);
      }
    } catch (DeploymentException e) {
      Div problem = new Div("The history could not be read: " + e.getMessage());
      problem.addClassName("paved-problem");
      add(problem);
    }
    getFooter().add(new Button("Close", e -> close()));
  }
}
