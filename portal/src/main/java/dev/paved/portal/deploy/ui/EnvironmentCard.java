package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.DeploymentSource;
import dev.paved.plugin.deploy.RevisionInfo;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;

/**
 * One environment of a service as Argo CD reports it: sync and health, the last operation, the deployed
 * revision of each source with its commit, the last sync; and the day-2 operations, each confirmed first.
 */
class EnvironmentCard extends VerticalLayout {
  private final Deployments deployments;
  private final DeploymentOperations operations;
  private final Div outcome = new Div();
  private final Div details = new Div();
  private final HorizontalLayout badges = new HorizontalLayout();
  private final ResourceTreePanel resources;
  private Deployment deployment;

  EnvironmentCard(Deployment deployment, Deployments deployments, DeploymentOperations operations) {
    this.deployments = deployments;
    this.operations = operations;
    this.deployment = deployment;
    String name = deployment.ref().name();
    setId("deployment-" + name);
    addClassName("paved-card");
    setPadding(true);
    setSpacing(false);
    H3 title = new H3(deployment.environment().isEmpty() ? name : deployment.environment());
    title.getStyle().set("margin", "0");
    Span where = new Span(name + " · Argo CD " + deployment.ref().instance()
        + (deployment.namespace().isEmpty() ? "" : " · namespace " + deployment.namespace()));
    where.addClassName("paved-muted");
    badges.setSpacing(false);
    badges.setId("deployment-status-" + name);
    outcome.setId("deployment-outcome-" + name);
    outcome.setVisible(false);
    details.addClassName("paved-dl");
    resources = new ResourceTreePanel(deployments, deployment.ref());
    Details tree = new Details("Resources", resources);
    tree.setWidthFull();
    tree.setId("deployment-resources-" + name);
    tree.addOpenedChangeListener(e -> {
      if (e.isOpened()) {
        resources.load();
      }
    });
    add(new HorizontalLayout(title, where), badges, details, actions(), outcome, tree);
    show(deployment);
  }

  /** Shows the deployment as now reported. */
  void show(Deployment now) {
    this.deployment = now;
    badges.removeAll();
    badges.add(Badges.sync(now.sync()), Badges.health(now.health()),
        Badges.badge(now.autoSync() ? "Auto-sync" : "Manual sync", "contrast"));
    details.removeAll();
    if (now.operation() != null) {
      row("Last operation", now.operation().phase() + (now.operation().message().isEmpty() ? "" : ": "
          + now.operation().message()) + (now.operation().initiatedBy().isEmpty() ? "" : " (by "
          + now.operation().initiatedBy() + ")"));
    }
    if (!now.healthMessage().isEmpty()) {
      row("Health", now.healthMessage());
    }
    for (int i = 0; i < now.revisions().size(); i++) {
      DeploymentSource source = i < now.sources().size() ? now.sources().get(i) : null;
      Span commit = new Span(Badges.shortRevision(now.revisions().get(i)));
      commit.setId("deployment-revision-" + now.ref().name() + "-" + i);
      rowWith(source == null ? "Revision" : "Revision of " + sourceLabel(source), commit);
      describe(now, i, commit);
    }
    row("Last sync", Badges.time(now.lastSyncedAt()));
    if (!now.images().isEmpty()) {
      row("Images", String.join(", ", now.images()));
    }
  }

  private void describe(Deployment now, int index, Span commit) {
    UI ui = UI.getCurrent();
    String revision = now.revisions().get(index);
    deployments.commitAsync(now.ref(), revision, index).thenAccept(info -> {
      if (info != null && ui != null) {
        ui.access(() -> commit.setText(Badges.shortRevision(revision) + " · " + firstLine(info) + " · "
            + info.author() + " · " + Badges.time(info.date())));
      }
    });
  }

  private HorizontalLayout actions() {
    String name = deployment.ref().name();
    Checkbox prune = new Checkbox("Prune resources Git no longer has");
    Checkbox dryRun = new Checkbox("Dry run (only work out what would change)");
    Button sync = new Button("Sync", e -> Confirm.open("Sync " + name + "?", "Argo CD applies what Git says now.", "Sync",
        new VerticalLayout(prune, dryRun), outcome, () -> {
          DeploymentRef ref = deployment.ref();
          boolean pruning = prune.getValue();
          boolean dry = dryRun.getValue();
          return () -> operations.sync(ref, pruning, dry);
        }, this::refreshed));
    sync.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    sync.setId("sync-" + name);
    Button refresh = new Button("Refresh", e -> Confirm.open("Refresh " + name + "?",
        "Argo CD compares the cluster with Git again now.", "Refresh", null, outcome, () -> {
          DeploymentRef ref = deployment.ref();
          return () -> operations.refresh(ref, false);
        }, this::refreshed));
    refresh.setId("refresh-" + name);
    IntegerField replicas = new IntegerField("Replicas");
    replicas.setMin(0);
    replicas.setMax(operations.properties().maxReplicas());
    replicas.setStepButtonsVisible(true);
    replicas.setId("scale-replicas-" + name);
    Button scale = new Button("Scale", e -> {
      replicas.setValue(null);
      Confirm.open("Scale " + name, "The replica count is committed to the environment's values in the GitOps "
          + "repository, then synced.", "Scale", replicas, outcome, () -> {
            if (replicas.getValue() == null) {
              throw new DeploymentException(DeploymentException.Reason.REFUSED, "enter the number of replicas");
            }
            DeploymentRef ref = deployment.ref();
            int count = replicas.getValue();
            return () -> operations.scale(ref, count);
          }, this::refreshed);
    });
    scale.setId("scale-" + name);
    Button restart = new Button("Restart", e -> Confirm.open("Restart " + name + "?",
        "Argo CD's restart action replaces the pods one by one; nothing in Git changes.", "Restart", null, outcome,
        () -> {
          DeploymentRef ref = deployment.ref();
          return () -> operations.restart(ref, null);
        }, this::refreshed));
    restart.setId("restart-" + name);
    Button history = new Button("History", e -> new HistoryDialog(deployments, operations, deployment.ref(), outcome,
        this::refreshed).open());
    history.setId("history-" + name);
    Button logs = new Button("Logs", e -> new LogsDialog(deployments, deployment.ref(), deployment.namespace()).open());
    logs.setId("logs-" + name);
    com.vaadin.flow.component.textfield.TextField confirmName = new com.vaadin.flow.component.textfield.TextField(
        "Type " + name + " to confirm");
    confirmName.setId("delete-confirm-" + name);
    confirmName.setWidthFull();
    Button delete = new Button("Delete", e -> {
      confirmName.clear();
      Confirm.open("Delete " + name + "?", "Argo CD deletes the application and everything it deployed, and the"
          + " environment's folder is removed from the GitOps repository. This cannot be undone here.", "Delete",
          confirmName, outcome, () -> {
            DeploymentRef ref = deployment.ref();
            String typed = confirmName.getValue();
            return () -> operations.delete(ref, typed);
          }, this::refreshed);
    });
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    delete.setId("delete-" + name);
    HorizontalLayout actions = new HorizontalLayout(sync, refresh, scale, restart, history, logs, delete);
    actions.setWrap(true);
    // everyone may look; only the owners and platform engineers may change (the service checks again)
    operations.refusal(deployment).ifPresent(why -> {
      for (Button change : java.util.List.of(sync, refresh, scale, restart, delete)) {
        change.setEnabled(false);
        change.setTooltipText(why);
      }
      Span note = new Span(why);
      note.setId("operate-refused-" + name);
      note.addClassName("paved-muted");
      actions.add(note);
    });
    return actions;
  }

  private void refreshed() {
    deployments.get(deployment.ref()).ifPresent(this::show);
    if (resources.loaded()) {
      resources.load();
    }
  }

  private void row(String label, String value) {
    rowWith(label, new Span(value));
  }

  private void rowWith(String label, com.vaadin.flow.component.Component value) {
    Span dt = new Span(label);
    dt.getElement().setAttribute("role", "term");
    dt.addClassName("paved-muted");
    details.add(dt, value);
  }

  private static String sourceLabel(DeploymentSource source) {
    String repo = source.repoUrl().replaceAll("\\.git$", "");
    repo = repo.substring(repo.lastIndexOf('/') + 1);
    return repo + (source.path().isEmpty() ? "" : "/" + source.path());
  }

  private static String firstLine(RevisionInfo info) {
    String message = info.message().strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
