package dev.paved.portal.operations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.paved.portal.operations.ClusterJobs;
import dev.paved.portal.operations.Replicas;
import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.testing.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admin > Cluster: a platform engineer sees the replicas, the jobs and a job's runs; developers do not. */
class ClusterViewTest extends UiTest {
  @Autowired Replicas replicas;
  @Autowired ClusterJobs jobs;

  @Test
  @SuppressWarnings("unchecked")
  void aPlatformEngineerSeesTheReplicasTheJobsAndAJobsRuns() {
    await().until(() -> jobs.runs("catalog-refresh", 1).stream().anyMatch(r -> "succeeded".equals(r.outcome())));
    signInAs(TestUsers.PAT);
    UI.getCurrent().navigate("admin/cluster");

    assertThat(_get(Span.class, spec -> spec.withId("cluster-summary")).getText()).startsWith("1 replica alive; ");
    Grid<Replicas.Replica> replicaGrid = _get(Grid.class, spec -> spec.withId("cluster-replicas"));
    assertThat(GridKt._findAll(replicaGrid)).extracting(Replicas.Replica::id).containsExactly(replicas.self().id());
    assertThat(GridKt._getFormattedRow(replicaGrid, 0).get(0)).isEqualTo(replicas.self().id() + " (this page's)");

    Grid<ClusterJobs.JobState> jobGrid = _get(Grid.class, spec -> spec.withId("cluster-jobs"));
    assertThat(GridKt._findAll(jobGrid)).extracting(ClusterJobs.JobState::name)
        .contains("catalog-refresh", "scaffolder-task-recovery", "cluster-housekeeping");
    int refresh = GridKt._findAll(jobGrid).stream().map(ClusterJobs.JobState::name).toList().indexOf("catalog-refresh");
    assertThat(GridKt._getFormattedRow(jobGrid, refresh).get(4)).startsWith("succeeded · ");
    assertThat(_find(Grid.class, spec -> spec.withId("cluster-runs"))).as("no runs until a job is selected").isEmpty();

    jobGrid.select(GridKt._get(jobGrid, refresh));

    assertThat(_get(H3.class, spec -> spec.withId("cluster-runs-title")).getText()).isEqualTo("Recent runs of catalog-refresh");
    Grid<ClusterJobs.JobRun> runGrid = _get(Grid.class, spec -> spec.withId("cluster-runs"));
    assertThat(GridKt._findAll(runGrid)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.job()).isEqualTo("catalog-refresh");
      assertThat(r.replica()).isEqualTo(replicas.self().id());
    });
    _click(_get(Button.class, spec -> spec.withId("cluster-refresh")));
    assertThat(jobGrid.asSingleSelect().getValue().name()).as("still selected after a refresh").isEqualTo("catalog-refresh");
  }

  @Test
  void aDeveloperIsKeptOutOfThePage() {
    signInAs(TestUsers.DANA);
    assertThatThrownBy(() -> UI.getCurrent().navigate("admin/cluster"))
        .hasMessageContaining("Access is denied by annotations on the view");
    assertThat(_find(ClusterView.class)).isEmpty();
  }
}
