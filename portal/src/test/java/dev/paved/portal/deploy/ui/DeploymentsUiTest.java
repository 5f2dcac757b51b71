package dev.paved.portal.deploy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.HistoryEntry;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.deploy.DeploymentFilter;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.git.GitOps;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.testing.ArgoCdPortalTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Deployments page and a service's Deployments tab, against the fake Argo CD, without a browser. */
class DeploymentsUiTest extends ArgoCdPortalTest {
  @Autowired Scaffolder scaffolder;
  @Autowired Deployments deployments;
  @Autowired DeploymentOperations operations;
  @Autowired GitOps gitops;
  String name;

  @BeforeEach
  void aServiceWithThreeEnvironments() {
    // after an earlier test's outage: Argo CD reachable again and the watch stream open
    await().atMost(Duration.ofSeconds(40)).until(() -> deployments.instances().stream().allMatch(i -> i.reachable())
        && ARGO.openWatches() > 0);
    name = scaffoldService(scaffolder);
    await().until(() -> deployments.all().stream().filter(d -> d.service().equals(name)).count() == 3);
    browserless();
  }

  @AfterEach
  void heal() {
    ARGO.heal();
  }

  /** Waits for pushed updates, running what the page was given to do meanwhile. */
  static void until(Supplier<Boolean> condition) {
    await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> {
      MockVaadin.clientRoundtrip(false);
      return condition.get();
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDeploymentsPageFiltersByStatusAndFollowsTheWatchStream() {
    UI.getCurrent().navigate("deployments");
    Grid<Deployment> grid = _get(Grid.class, spec -> spec.withId("deployments-grid"));
    _get(TextField.class, spec -> spec.withId("deployments-search")).setValue(name);
    assertThat(GridKt._findAll(grid)).extracting(d -> d.ref().name())
        .containsExactly(name + "-dev", name + "-prod", name + "-staging");
    RadioButtonGroup<DeploymentFilter> filter = _get(RadioButtonGroup.class, spec -> spec.withId("deployments-filter"));
    filter.setValue(DeploymentFilter.DEGRADED);
    assertThat(GridKt._findAll(grid)).isEmpty();

    long degradedBefore = deployments.all().stream().filter(DeploymentFilter.DEGRADED).count();
    ARGO.status(name + "-prod", "Degraded", "OutOfSync");

    // the page hears of it: its counts are recomputed only when the change is pushed to it
    until(() -> filter.getItemLabelGenerator().apply(DeploymentFilter.DEGRADED)
        .equals("Degraded (" + (degradedBefore + 1) + ")"));
    assertThat((Object) filter.getValue()).as("an update keeps the user's filter").isEqualTo(DeploymentFilter.DEGRADED);
    assertThat(GridKt._findAll(grid)).singleElement().satisfies(d -> assertThat(d.ref().name()).isEqualTo(name + "-prod"));
    filter.setValue(DeploymentFilter.OUT_OF_SYNC);
    assertThat(GridKt._findAll(grid)).extracting(d -> d.ref().name()).contains(name + "-prod");
  }

  @Test
  void theTabShowsEachEnvironmentAndSyncsOnlyAfterConfirmation() {
    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));
    HorizontalLayout dev = _get(HorizontalLayout.class, spec -> spec.withId("deployment-status-" + name + "-dev"));
    assertThat(_find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
        spec -> spec.withId("deployment-" + name + "-prod"))).hasSize(1);
    int before = ARGO.calls().size();

    _click(_get(Button.class, spec -> spec.withId("sync-" + name + "-dev")));
    assertThat(ARGO.calls()).as("nothing before confirming").hasSize(before);
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

    Div outcome = _get(Div.class, spec -> spec.withId("deployment-outcome-" + name + "-dev"));
    until(() -> outcome.getText().startsWith("Sync of " + name + "-dev requested"));
    assertThat(ARGO.calls()).contains("POST /api/v1/applications/" + name + "-dev/sync");

    ARGO.status(name + "-dev", "Degraded", "OutOfSync");
    until(() -> dev.getElement().getTextRecursively().contains("Degraded"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void historyOffersRollbackWhichCommitsTheEarlierConfiguration() throws Exception {
    DeploymentRef ref = new DeploymentRef("local", name + "-staging");
    operations.sync(ref, false, false);
    String file = name + "/staging/values.yaml";
    String original = new String(gitops.read(null, file).get(file), StandardCharsets.UTF_8);
    gitops.commit(Map.of(file, (original + "# a change\n").getBytes(StandardCharsets.UTF_8)), List.of(), null, "Change",
        new Actor("user:default/ci", "CI", "ci@acme.example"));
    operations.sync(ref, false, false);
    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));

    _click(_get(Button.class, spec -> spec.withId("history-" + name + "-staging")));
    Grid<HistoryEntry> history = _get(Grid.class, spec -> spec.withId("history-grid"));
    assertThat(GridKt._size(history)).isEqualTo(2);
    until(() -> ((Div) GridKt._getCellComponent(history, 0, "commits")).getElement().getTextRecursively()
        .contains("Change (CI"));
    long first = GridKt._get(history, 1).id();
    _click((Button) GridKt._getCellComponent(history, 1, "rollback"));
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

    Div outcome = _get(Div.class, spec -> spec.withId("deployment-outcome-" + name + "-staging"));
    until(() -> outcome.getText().contains("configuration in the GitOps repository is back to"));
    assertThat(new String(gitops.read(null, file).get(file), StandardCharsets.UTF_8)).isEqualTo(original);
  }

  @Test
  void anotherTeamsDeveloperSeesTheDeploymentsButMayNotOperateThemAndIsToldWhy() throws Exception {
    operations.sync(new DeploymentRef("local", name + "-dev"), false, false); // something in its history, by its team
    MockVaadin.tearDown();
    dev.paved.portal.testing.TestUsers.signIn(dev.paved.portal.testing.TestUsers.SAM);
    browserless();
    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));

    assertThat(_get(HorizontalLayout.class, spec -> spec.withId("deployment-status-" + name + "-dev"))).isNotNull();
    for (String operation : List.of("sync", "refresh", "scale", "restart")) {
      assertThat(_get(Button.class, spec -> spec.withId(operation + "-" + name + "-dev")).isEnabled())
          .as(operation).isFalse();
    }
    assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("operate-refused-" + name + "-dev"))
        .getText()).contains("Operating " + name + " dev is not allowed")
        .contains("membership of group:default/team-payments or the platform-engineer role")
        .contains("Sam Search is a member of group:default/team-search");

    _click(_get(Button.class, spec -> spec.withId("history-" + name + "-dev")));
    Grid<HistoryEntry> history = _get(Grid.class, spec -> spec.withId("history-grid"));
    assertThat(((Button) GridKt._getCellComponent(history, 0, "rollback")).isEnabled()).isFalse();
    assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("rollback-refused")).getText())
        .contains("group:default/team-payments");
  }

  @Test
  void scaleAsksForTheNumberAndCommitsIt() throws Exception {
    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));

    _click(_get(Button.class, spec -> spec.withId("scale-" + name + "-dev")));
    _get(IntegerField.class, spec -> spec.withId("scale-replicas-" + name + "-dev")).setValue(3);
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

    Div outcome = _get(Div.class, spec -> spec.withId("deployment-outcome-" + name + "-dev"));
    until(() -> outcome.getText().startsWith("Replicas of " + name + " dev set to 3"));
    String file = name + "/dev/values.yaml";
    assertThat(new String(gitops.read(null, file).get(file), StandardCharsets.UTF_8)).contains("\nreplicas: 3");
  }

  @Test
  void logsShowThePodsLinesAndFollowNewOnes() {
    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));
    String pod = name + "-dev-5d9f7c-ax1z";
    ARGO.log(pod, "started in 1.2 s");

    _click(_get(Button.class, spec -> spec.withId("logs-" + name + "-dev")));
    until(() -> _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("logs-pod")).getValue() != null);
    _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("logs-follow")).setValue(true);
    _click(_get(Button.class, spec -> spec.withId("logs-show")));
    Pre output = _get(Pre.class, spec -> spec.withId("logs-output"));
    until(() -> output.getText().contains("started in 1.2 s"));

    ARGO.log(pod, "GET /hello 200");
    until(() -> output.getText().contains("GET /hello 200"));

    ARGO.dropStreams(); // a proxy cutting the long response: the page reads on from the last line
    until(() -> _get(Div.class, spec -> spec.withId("logs-status")).getText().startsWith("Following " + pod + " again"));
    ARGO.log(pod, "GET /hello 200 again");
    until(() -> output.getText().contains("GET /hello 200 again"));
    assertThat(output.getText().lines().filter(l -> l.equals("started in 1.2 s")).count()).as("not read twice").isEqualTo(1);
    _click(_get(Button.class, spec -> spec.withId("logs-stop")));
    assertThat(_get(Div.class, spec -> spec.withId("logs-status")).getText()).isEqualTo("Stopped.");
  }

  @Test
  void anUnreachableArgoCdIsSaidWithSinceWhenAndTheLastStateStays() {
    ARGO.goOffline();
    await().until(() -> deployments.instances().stream().noneMatch(i -> i.reachable()));

    UI.getCurrent().navigate("deployments");
    Div banner = _get(Div.class, spec -> spec.withId("argocd-unreachable"));
    assertThat(banner.isVisible()).isTrue();
    assertThat(banner.getElement().getTextRecursively()).contains("Argo CD local unreachable since");
    _get(TextField.class, spec -> spec.withId("deployments-search")).setValue(name);
    assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("deployments-grid")))).isEqualTo(3);

    ARGO.heal();
    until(() -> !banner.isVisible());
  }
}
