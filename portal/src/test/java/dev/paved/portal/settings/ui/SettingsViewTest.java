package dev.paved.portal.settings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import dev.paved.portal.settings.Settings;
import dev.paved.portal.testing.TestUsers;
import dev.paved.portal.testing.UiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admin > Settings: an admin changes a deployment policy and resets it; nobody else reaches the page. */
class SettingsViewTest extends UiTest {
  @Autowired Settings settings;
  @Autowired AuditTrail audit;

  @AfterEach
  void backToTheConfiguration() {
    TestUsers.signIn(TestUsers.ADA);
    settings.reset("deployments.max-replicas");
    settings.reset("deployments.rollback");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdminChangesASettingSeesWhoChangedItAndResetsIt() {
    signInAs(TestUsers.ADA);
    UI.getCurrent().navigate("admin/settings");
    assertThat(_get(Div.class, spec -> spec.withId("setting-state-deployments-max-replicas")).getText())
        .isEqualTo("As configured");

    IntegerField max = _get(IntegerField.class, spec -> spec.withId("setting-deployments-max-replicas"));
    max.setValue(5000);
    _click(_get(Button.class, spec -> spec.withId("setting-save-deployments-max-replicas")));
    assertThat(max.isInvalid()).isTrue();
    assertThat(max.getErrorMessage()).isEqualTo("Most replicas must be between 1 and 1000, not 5000");
    assertThat(settings.value("deployments.max-replicas")).as("nothing changed").isEqualTo("50");

    max.setValue(12);
    _click(_get(Button.class, spec -> spec.withId("setting-save-deployments-max-replicas")));
    assertThat(settings.value("deployments.max-replicas")).isEqualTo("12");
    assertThat(_get(Div.class, spec -> spec.withId("setting-state-deployments-max-replicas")).getText())
        .startsWith("Changed by user:default/ada at ").endsWith("; configured: 50");
    assertThat(audit.find(new AuditQuery("user:default/ada", "settings.change", "setting:deployments.max-replicas",
        null, null, null), 0, 1)).singleElement().satisfies(e -> assertThat(e.details())
        .contains("\"before\": \"50\"").contains("\"after\": \"12\""));

    _get(Select.class, spec -> spec.withId("setting-deployments-rollback")).setValue("argocd");
    _click(_get(Button.class, spec -> spec.withId("setting-save-deployments-rollback")));
    assertThat(settings.value("deployments.rollback")).isEqualTo("argocd");

    _click(_get(Button.class, spec -> spec.withId("setting-reset-deployments-max-replicas")));
    assertThat(settings.value("deployments.max-replicas")).isEqualTo("50");
  }

  @Test
  void aPlatformEngineerIsKeptOutOfThePage() {
    signInAs(TestUsers.PAT);
    assertThatThrownBy(() -> UI.getCurrent().navigate("admin/settings"))
        .hasMessageContaining("Access is denied by annotations on the view");
    assertThat(_find(SettingsView.class)).isEmpty();
  }
}
