package dev.paved.portal.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.ClusterStatus;
import dev.paved.portal.operations.Replicas;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portal's replicas as an operator sees them: which are alive and which role each plays, every
 * scheduled job with where and how it last ran, and a job's recent runs when it is selected. Read-only;
 * the same as {@code GET /api/cluster}.
 */
@jakarta.annotation.security.RolesAllowed({"platform-engineer", "admin"})
@Route("admin/cluster")
@PageTitle("Cluster · Paved")
public class ClusterView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  private final ClusterStatus status;
  private final Span summary = new Span();
  private final Grid<Replicas.Replica> replicas = new Grid<>();
  private final Grid<ClusterJobs.JobState> jobs = new Grid<>();
  private final H3 runsTitle = new H3();
  private final Grid<ClusterJobs.JobRun> runs = new Grid<>();
  private ClusterStatus.View view;

  public ClusterView(ClusterStatus status) {
    this.status = status;
    setSizeFull();
    summary.setId("cluster-summary");
    summary.addClassName("paved-muted");
    Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load());
    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    refresh.setId("cluster-refresh");

    replicas.setId("cluster-replicas");
    replicas.addThemeVariants(GridVariant.LUMO_COMPACT);
    replicas.setAllRowsVisible(true);
    replicas.addColumn(r -> r.id() + (r.id().equals(view.self()) ? " (this page's)" : "")).setHeader("Replica")
        .setFlexGrow(2);
    replicas.addColumn(Replicas.Replica::host).setHeader("Host").setAutoWidth(true);
    replicas.addColumn(r -> time(r.startedAt())).setHeader("Started").setAutoWidth(true);
    replicas.addColumn(r -> time(r.lastSeen())).setHeader("Last heartbeat").setAutoWidth(true);
    replicas.addColumn(r -> roles(r.id())).setHeader("Leads").setAutoWidth(true);

    jobs.setId("cluster-jobs");
    jobs.addThemeVariants(GridVariant.LUMO_COMPACT);
    jobs.setAllRowsVisible(true);
    jobs.addColumn(ClusterJobs.JobState::name).setHeader("Job").setAutoWidth(true);
    jobs.addColumn(j -> j.runningOn() == null ? "" : "running on " + j.runningOn()).setHeader("Now").setAutoWidth(true);
    jobs.addColumn(j -> time(j.nextRunAt())).setHeader("Next due").setAutoWidth(true);
    jobs.addColumn(ClusterJobs.JobState::runs).setHeader("Runs").setAutoWidth(true);
    jobs.addColumn(j -> j.lastRun() == null ? "never" : outcome(j.lastRun()) + " · " + time(j.lastRun().startedAt())
        + " on " + j.lastRun().replica()).setHeader("Last run").setFlexGrow(3);
    jobs.asSingleSelect().addValueChangeListener(e -> showRuns(e.getValue()));

    runsTitle.setId("cluster-runs-title");
    runs.setId("cluster-runs");
    runs.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    runs.addColumn(r -> time(r.startedAt())).setHeader("Started").setAutoWidth(true);
    runs.addColumn(r -> time(r.finishedAt())).setHeader("Ended").setAutoWidth(true);
    runs.addColumn(ClusterJobs.JobRun::replica).setHeader("Replica").setFlexGrow(2);
    runs.addColumn(ClusterView::outcome).setHeader("Outcome").setAutoWidth(true);
    runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(3);
    runsTitle.setVisible(false);
    runs.setVisible(false);

    HorizontalLayout header = new HorizontalLayout(new H2("Cluster"), refresh);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(header, new Paragraph("The replicas of this portal on its database, the role each one plays, and the"
        + " scheduled jobs: each runs on one replica at a time, and another takes it over when that one stops"
        + " answering."), summary, new H3("Replicas"), replicas, new H3("Scheduled jobs"),
        new Paragraph("Select a job to see its recent runs."), jobs, runsTitle, runs);
    load();
  }

  private void load() {
    view = status.view();
    summary.setText(view.replicas().size() + " replica" + (view.replicas().size() == 1 ? "" : "s") + " alive; "
        + (view.leaders().isEmpty() ? "no replica leads a role (watching Argo CD is one, when Argo CD is connected)"
        : view.leaders().entrySet().stream().map(e -> e.getKey() + " on " + e.getValue()).collect(Collectors.joining(", "))));
    replicas.setItems(view.replicas());
    ClusterJobs.JobState selected = jobs.asSingleSelect().getValue();
    jobs.setItems(view.jobs());
    if (selected != null) {
      view.jobs().stream().filter(j -> j.name().equals(selected.name())).findFirst()
          .ifPresent(j -> jobs.asSingleSelect().setValue(j));
    }
  }

  private void showRuns(ClusterJobs.JobState job) {
    if (job == null) {
      return;
    }
    List<ClusterJobs.JobRun> recent = status.runs(job.name(), 50);
    runsTitle.setText("Recent runs of " + job.name());
    runs.setItems(recent);
    runsTitle.setVisible(true);
    runs.setVisible(true);
  }

  private String roles(String replica) {
    return view.leaders().entrySet().stream().filter(e -> e.getValue().equals(replica)).map(Map.Entry::getKey)
        .collect(Collectors.joining(", "));
  }

  private static String outcome(ClusterJobs.JobRun run) {
    return run.outcome() == null ? "running" : run.outcome();
  }

  private static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }
}
