package dev.paved.portal.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.testing.TestGitServer;
import dev.paved.portal.testing.UiTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RegisterViewTest extends UiTest {
  static TestGitServer server;
  @Autowired CatalogQueries queries;
  @Autowired CatalogLocations locations;

  @BeforeAll
  static void start() {
    server = new TestGitServer();
    server.create("acme-inventory", Map.of("catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: inventory-service, title: Inventory service}
        spec: {type: service, lifecycle: production, owner: team-search}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: inventory-broken}
        spec: {type: service}
        """));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void pasteAnalyseSeeThePreviewAndRegister() {
    UI.getCurrent().navigate("catalog/register");
    _get(TextField.class, spec -> spec.withId("register-url")).setValue(server.url("acme-inventory") + "#main:catalog-info.yaml");
    _click(_get(Button.class, spec -> spec.withId("register-analyse")));

    Grid<CatalogLocations.PreviewEntity> preview = _get(Grid.class, spec -> spec.withId("register-preview"));
    assertThat(GridKt._size(preview)).isEqualTo(2);
    assertThat(GridKt._get(preview, 0).status()).isEqualTo("new");
    assertThat(GridKt._get(preview, 1).status()).isEqualTo("invalid");
    assertThat(_find(Div.class, spec -> spec.withClasses("paved-problem"))).extracting(Div::getText)
        .anyMatch(t -> t.contains("spec.lifecycle is required"));
    assertThat(queries.get(dev.paved.plugin.catalog.EntityRef.parse("component:default/inventory-service"))).isEmpty();

    Button register = _get(Button.class, spec -> spec.withId("register-confirm"));
    assertThat(register.getText()).isEqualTo("Register 1 entity");
    _click(register);
    assertThat(_get(Div.class, spec -> spec.withId("register-done")).getText()).contains("1 entities are in the catalog");
    assertThat(queries.get(dev.paved.plugin.catalog.EntityRef.parse("component:default/inventory-service"))).isPresent();
  }

  @Test
  void aUrlThatIsNotAFileExplainsWhatToPaste() {
    UI.getCurrent().navigate("catalog/register");
    _get(TextField.class, spec -> spec.withId("register-url")).setValue("https://github.com/acme/repo");
    _click(_get(Button.class, spec -> spec.withId("register-analyse")));
    assertThat(_find(Div.class, spec -> spec.withClasses("paved-problem"))).extracting(Div::getText)
        .anyMatch(t -> t.contains("/blob/<branch>/"));
    assertThat(_get(Button.class, spec -> spec.withId("register-confirm")).isEnabled()).isFalse();
  }

  @Test
  void anUnreachableRepositoryIsReportedAndNothingIsRegistered() {
    int before = locations.list().size();
    UI.getCurrent().navigate("catalog/register");
    _get(TextField.class, spec -> spec.withId("register-url")).setValue("http://127.0.0.1:9/x/y/blob/main/catalog-info.yaml");
    _click(_get(Button.class, spec -> spec.withId("register-analyse")));
    assertThat(_find(Div.class, spec -> spec.withClasses("paved-problem"))).extracting(Div::getText)
        .anyMatch(t -> t.contains("could not reach"));
    assertThat(locations.list()).hasSize(before);
  }
}
