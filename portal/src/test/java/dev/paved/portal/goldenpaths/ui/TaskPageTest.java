package dev.paved.portal.goldenpaths.ui;

import dev.paved.portal.testing.TestUsers;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.testing.UiTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Create from a golden path's page, follow the task, find it in the tasks list. */
class TaskPageTest extends UiTest {
  @Autowired Scaffolder scaffolder;

  @Test
  @SuppressWarnings("unchecked")
  void createOpensTheTaskPageWhichShowsItsStepsAndLog() {
    String name = unique("ns").substring(0, 11);
    UI.getCurrent().navigate("templates/developer-namespace");
    _get(TextField.class, spec -> spec.withId("param-name")).setValue(name);
    _get(ComboBox.class, spec -> spec.withId("param-owner")).setValue("group:default/team-search");
    WizardSteps.toReview();
    _click(_get(Button.class, spec -> spec.withId("template-create")));

    String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    assertThat(path).startsWith("tasks/");
    UUID id = UUID.fromString(path.substring("tasks/".length()));
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().finished());
    UI.getCurrent().navigate("tasks/" + id); // what a reload, or another browser, shows

    assertThat(_get(Span.class, spec -> spec.withId("task-state")).getText()).isEqualTo("succeeded");
    Grid<Scaffolder.Step> steps = _get(Grid.class, spec -> spec.withId("task-steps"));
    assertThat(GridKt._size(steps)).isEqualTo(4);
    assertThat(GridKt._get(steps, 0).state()).isEqualTo("done");
    assertThat(_get(Pre.class, spec -> spec.withId("task-log")).getText()).contains("rendered 7 files");
    assertThat(_find(Button.class, spec -> spec.withId("task-undo"))).as("nothing to undo after success").isEmpty();

    UI.getCurrent().navigate("tasks");
    Grid<Scaffolder.TaskSummary> tasks = _get(Grid.class, spec -> spec.withId("tasks-grid"));
    assertThat(GridKt._findAll(tasks)).extracting(Scaffolder.TaskSummary::id).contains(id);
  }

  @Autowired dev.paved.portal.catalog.CatalogLocations locations;
  @Autowired dev.paved.portal.goldenpaths.GoldenPaths goldenPaths;

  @Test
  void aFailedTaskOffersRetryAndUndoAndUndoAsksFirst() {
    String template = unique("fails-late");
    var dir = write(template + "/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: %s}
        spec:
          type: service
          parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
          steps:
            - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
            - id: publish
              action: publish:git
              input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
            - id: register
              action: catalog:register
              input: {repoContentsUrl: '${{ steps.publish.output.cloneUrl }}', catalogInfoPath: missing.yaml}
        """.formatted(template)).getParent();
    write(template + "/skeleton/README.md", "# ${values.name}\n");
    locations.register("file", dir.resolve("template.yaml").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());
    String name = unique("late").substring(0, 12);
    UUID id = scaffolder.start(template, java.util.Map.of("name", name),
        dev.paved.portal.testing.TestUsers.DEFAULT, null).task().id();
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().finished());

    UI.getCurrent().navigate("tasks/" + id);
    assertThat(_get(Span.class, spec -> spec.withId("task-state")).getText()).isEqualTo("failed");
    assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("task-problem")).getText())
        .contains("missing.yaml");
    assertThat(_find(Button.class, spec -> spec.withId("task-retry"))).hasSize(1);
    _click(_get(Button.class, spec -> spec.withId("task-undo")));
    com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm =
        _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
    assertThat(confirm.getElement().getProperty("message")).contains("Deletes what it created (publish)");
    com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(id).orElseThrow().state().equals("undone"));
    assertThat(WORK.resolve("git/team-search/" + name + ".git")).doesNotExist();
  }

  @Test
  @SuppressWarnings("unchecked")
  void invalidAnswersAreShownOnTheFormAndStartNothing() {
    int before = scaffolder.list(new Scaffolder.TaskFilter(null, null, 500)).size();
    UI.getCurrent().navigate("templates/developer-namespace");
    TextField name = _get(TextField.class, spec -> spec.withId("param-name"));
    name.setValue("Not Valid");
    _click(_get(Button.class, spec -> spec.withId("template-next")));
    assertThat(name.isInvalid()).isTrue();
    assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("templates/developer-namespace");
    assertThat(scaffolder.list(new Scaffolder.TaskFilter(null, null, 500))).hasSize(before);
  }
}
