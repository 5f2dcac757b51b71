package dev.paved.portal.goldenpaths.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.goldenpaths.GoldenPaths;
import dev.paved.portal.testing.UiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form a golden path's parameters produce, with the less common fields: a name checked as it is
 * typed, the repository picker, labelled choices and a nested object. The template comes from a file
 * location of the catalog, as a platform team's own template would.
 */
class ParameterFormTest extends UiTest {
  @Autowired CatalogLocations locations;
  @Autowired GoldenPaths goldenPaths;

  @Test
  @SuppressWarnings("unchecked")
  void everyKindOfFieldFeedsTheAnswers() {
    String name = unique("form-fields");
    var template = write(name + "/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: %s, title: Form fields}
        spec:
          owner: group:platform
          type: service
          parameters:
            - title: Everything
              required: [name, repoUrl]
              properties:
                name: {title: Name, type: string, ui:field: EntityNamePicker}
                repoUrl:
                  title: Repository
                  type: string
                  ui:field: RepoUrlPicker
                  ui:options: {allowedHosts: [git.acme.example], allowedOwners: [team-payments, team-search]}
                size:
                  title: Size
                  type: string
                  enum: [s, m, l]
                  enumNames: [Small, Medium, Large]
                  default: m
                notes: {title: Notes, type: string, ui:widget: textarea, ui:options: {rows: 5}}
                database:
                  title: Database
                  type: object
                  properties:
                    engine: {title: Engine, type: string, enum: [postgres, mysql], default: postgres}
                    storage: {title: Storage (GiB), type: integer, minimum: 1, maximum: 100}
          steps:
            - id: fetch
              name: Render
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  repo: ${{ parameters.repoUrl | parseRepoUrl }}
                  name: ${{ parameters.name }}
                  size: ${{ parameters.size }}
                  engine: ${{ parameters.database.engine }}
                  storage: ${{ parameters.database.storage }}
        """.formatted(name));
    write(name + "/skeleton/out.txt",
        "${values.repo.host}/${values.repo.owner}/${values.repo.repo} ${values.name} ${values.size} ${values.engine} ${values.storage}\n");
    locations.register("file", template.toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(name).isPresent());

    UI.getCurrent().navigate("templates/" + name);
    TextField entityName = _get(TextField.class, spec -> spec.withId("param-name"));
    entityName.setValue("Payments API");
    assertThat(entityName.isInvalid()).as("checked while typing").isTrue();
    assertThat(entityName.getErrorMessage()).contains("pattern");
    entityName.setValue("payments-api");
    assertThat(entityName.isInvalid()).isFalse();

    RepositoryPicker repo = _get(RepositoryPicker.class, spec -> spec.withId("param-repoUrl"));
    ComboBox<String> owner = _get(repo, ComboBox.class, spec -> spec.withPlaceholder("team or organisation"));
    assertThat(owner.getListDataView().getItems().toList()).containsExactly("team-payments", "team-search");
    repo.setValue("git.acme.example?owner=team-search&repo=checkout");
    owner.setValue("team-payments");
    assertThat(repo.getValue()).as("the parts make the value").isEqualTo("git.acme.example?owner=team-payments&repo=checkout");

    Select<String> size = _get(Select.class, spec -> spec.withId("param-size"));
    assertThat(size.getItemLabelGenerator().apply("l")).isEqualTo("Large");
    size.setValue("l");
    assertThat(_get(TextArea.class, spec -> spec.withId("param-notes")).getMinRows()).isEqualTo(5);
    _get(IntegerField.class, spec -> spec.withId("param-database.storage")).setValue(20);

    WizardSteps.toReview();
    _click(_get(Button.class, spec -> spec.withId("template-preview")));
    assertThat(_get(Pre.class, spec -> spec.withId("preview-content")).getText())
        .isEqualTo("git.acme.example/team-payments/checkout payments-api l postgres 20\n");
  }
}
