package dev.paved.portal.goldenpaths.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.goldenpaths.DryRunResult;
import dev.paved.portal.testing.UiTest;
import org.junit.jupiter.api.Test;

class TemplateViewTest extends UiTest {

  @Test
  void theGalleryListsTheGoldenPaths() {
    UI.getCurrent().navigate("templates");
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref).contains("templates/developer-namespace");
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchAndTagsNarrowTheGallery() {
    UI.getCurrent().navigate("templates");
    _get(TextField.class, spec -> spec.withId("template-search")).setValue("namespace quota");
    assertThat(_find(RouterLink.class, spec -> spec.withText("Developer namespace"))).hasSize(1);
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref).doesNotContain("templates/spring-boot-service");

    _get(TextField.class, spec -> spec.withId("template-search")).clear();
    MultiSelectComboBox<String> tags = _get(MultiSelectComboBox.class, spec -> spec.withId("template-tags"));
    assertThat(tags.getListDataView().getItems().toList()).contains("java", "kubernetes");
    tags.setValue(java.util.Set.of("java"));
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
        .contains("templates/spring-boot-service").doesNotContain("templates/developer-namespace");

    _get(TextField.class, spec -> spec.withId("template-search")).setValue("no such golden path anywhere");
    assertThat(_get(Paragraph.class, spec -> spec.withText("No golden path matches the search and tags.")).isVisible())
        .isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void fillTheFormAndPreviewWhatItCreates() {
    UI.getCurrent().navigate("templates/developer-namespace");
    _get(TextField.class, spec -> spec.withId("param-name")).setValue("payments-dev");
    ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withId("param-owner"));
    assertThat(owner.getListDataView().getItems().toList()).contains("group:default/team-payments");
    owner.setValue("group:default/team-payments");
    WizardSteps.toReview();
    assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("template-review"))
        .getElement().getOuterHTML()).contains("payments-dev").contains("team-payments");
    _click(_get(Button.class, spec -> spec.withId("template-preview")));

    assertThat(_get(Div.class, spec -> spec.withId("preview-status")).getText()).contains("Nothing was created");
    PreviewFiles files = _get(PreviewFiles.class, spec -> spec.withId("preview-files"));
    var rows = java.util.stream.IntStream.range(0, GridKt._size(files)).mapToObj(i -> GridKt._get(files, i)).toList();
    assertThat(rows).extracting(PreviewFiles.Entry::name).as("folders first, each open")
        .containsExactly("gitops", ".paved", "answers.yaml", "catalog-info.yaml", "limitrange.yaml", "namespace.yaml",
            "networkpolicy.yaml", "resourcequota.yaml", "rolebinding.yaml");
    files.select(rows.get(rows.size() - 1));
    assertThat(_get(Pre.class, spec -> spec.withId("preview-content")).getText()).contains("kind: RoleBinding");
    Grid<DryRunResult.Step> steps = _get(Grid.class, spec -> spec.withId("preview-steps"));
    assertThat(GridKt._get(steps, 1).status()).isEqualTo("done");
  }

  @Test
  void invalidAnswersAreShownOnTheirFields() {
    UI.getCurrent().navigate("templates/developer-namespace");
    TextField name = _get(TextField.class, spec -> spec.withId("param-name"));
    name.setValue("Not A Namespace");
    _click(_get(Button.class, spec -> spec.withId("template-next")));
    assertThat(_find(Button.class, spec -> spec.withId("template-preview"))).as("still on the first page").isEmpty();
    assertThat(name.isInvalid()).isTrue();
    assertThat(name.getErrorMessage()).contains("pattern");
    @SuppressWarnings("unchecked")
    ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withId("param-owner"));
    assertThat(owner.isInvalid()).isTrue();
    assertThat(owner.getErrorMessage()).isEqualTo("is required");
  }
}
