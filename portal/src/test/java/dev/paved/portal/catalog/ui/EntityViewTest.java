package dev.paved.portal.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.RouterLink;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.testing.UiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EntityViewTest extends UiTest {
  @Autowired CatalogLocations locations;

  private static String allText() {
    return _get(EntityView.class).getElement().getTextRecursively();
  }

  @Test
  void showsMetadataOwnerAndRelationsOfAComponent() {
    UI.getCurrent().navigate("catalog/component/default/payments-service");
    assertThat(_get(H2.class, spec -> spec.withId("entity-title")).getText()).isEqualTo("Payments service");
    TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("entity-tabs"));
    assertThat(tabs.getTabCount()).as("Overview, Deployments (its argocd/app-name), Relations, YAML").isEqualTo(4);
    assertThat(tabs.getTabAt(1).getLabel()).isEqualTo("Deployments");
    String text = allText();
    assertThat(text).contains("production", "tier", "critical", "argocd/app-name", "Dashboard");
    assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("entity-description")).getElement()
        .getProperty("innerHTML")).as("the description, as Markdown").contains("Authorises and captures card payments");
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
        .contains("catalog/group/default/team-payments", "catalog/system/default/payments");
  }

  @Test
  void relationsAreGroupedAndLinked() {
    UI.getCurrent().navigate("catalog/component/default/payments-service");
    TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("entity-tabs"));
    tabs.setSelectedIndex(2);
    String text = allText();
    assertThat(text).contains("Provides APIs", "Consumes APIs", "Depends on", "Has parts");
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
        .contains("catalog/api/default/payments-api", "catalog/resource/default/payments-db",
            "catalog/component/default/refund-worker");
  }

  @Test
  void aGroupPageShowsMembersChildrenAndWhatItOwns() {
    UI.getCurrent().navigate("catalog/group/default/team-payments");
    TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("entity-tabs"));
    assertThat(tabs.getTabCount()).isEqualTo(5);
    tabs.setSelectedIndex(1);
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
        .contains("catalog/user/default/alice", "catalog/user/default/bob");
    tabs.setSelectedIndex(2);
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref)
        .contains("catalog/component/default/payments-service", "catalog/api/default/payments-api",
            "catalog/system/default/payments");
    UI.getCurrent().navigate("catalog/group/default/engineering");
    _get(TabSheet.class, spec -> spec.withId("entity-tabs")).setSelectedIndex(1);
    assertThat(allText()).contains("Child groups", "Parent group");
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref).contains("catalog/group/default/platform");
  }

  @Test
  void aUserPageShowsGroups() {
    UI.getCurrent().navigate("catalog/user/default/carol");
    assertThat(allText()).contains("Carol Nguyen", "carol@acme.example");
    _get(TabSheet.class, spec -> spec.withId("entity-tabs")).setSelectedIndex(1);
    assertThat(_find(RouterLink.class)).extracting(RouterLink::getHref).contains("catalog/group/default/team-search");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anApiPageRendersTheOpenApiOperations() {
    UI.getCurrent().navigate("catalog/api/default/payments-api");
    _get(TabSheet.class, spec -> spec.withId("entity-tabs")).setSelectedIndex(1);
    Grid<ApiDefinitionPanel.Operation> ops = _get(Grid.class, spec -> spec.withId("api-operations"));
    assertThat(GridKt._size(ops)).isEqualTo(4);
    assertThat(GridKt._get(ops, 0)).isEqualTo(new ApiDefinitionPanel.Operation("POST", "/payments",
        "Authorise a payment", "authorisePayment"));
    assertThat(allText()).contains("Payments API 2.1.0", "https://payments.acme.example/api");
  }

  @Test
  void theYamlTabShowsTheEntity() {
    UI.getCurrent().navigate("catalog/resource/default/payments-db");
    TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("entity-tabs"));
    tabs.setSelectedIndex(tabs.getTabCount() - 1);
    assertThat(_get(Pre.class, spec -> spec.withId("entity-yaml")).getText())
        .contains("kind: Resource").contains("name: payments-db").contains("owner: team-payments");
  }

  @Test
  void missingReferencesAndProblemsAreShown() throws Exception {
    Path file = write("ui-problem-" + System.nanoTime() + ".yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: ui-orphan, title: "<script>alert(1)</script>"}
        spec: {type: service, lifecycle: production, owner: ghost-team}
        """);
    String id = locations.register("file", file.toString()).location().id();
    Files.writeString(file, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: ui-orphan}\n"
        + "spec: {type: service, owner: ghost-team}\n");
    locations.refresh(id);
    UI.getCurrent().navigate("catalog/component/default/ui-orphan");
    assertThat(_find(Div.class, spec -> spec.withClasses("paved-problem"))).extracting(Div::getText)
        .anyMatch(t -> t.contains("spec.lifecycle is required"));
    assertThat(_find(Span.class, spec -> spec.withClasses("paved-missing"))).extracting(Span::getText)
        .contains("ghost-team (not in the catalog)");
    // the title is text, never markup
    H2 title = _get(H2.class, spec -> spec.withId("entity-title"));
    assertThat(title.getText()).isEqualTo("<script>alert(1)</script>");
    assertThat(title.getElement().getChildren().allMatch(com.vaadin.flow.dom.Element::isTextNode)).isTrue();
  }

  @Test
  void anUnknownEntitySaysSo() {
    UI.getCurrent().navigate("catalog/component/default/does-not-exist");
    assertThat(_get(H2.class).getText()).isEqualTo("Not found");
  }
}
