package dev.paved.portal.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.audit.AuditEntry;
import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.testing.UiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log page: filters narrow the entries, newest first. */
class AuditViewTest extends UiTest {
  @Autowired AuditLog log;

  @Test
  @SuppressWarnings("unchecked")
  void filtersNarrowTheEntries() {
    String who = "user:default/" + unique("rita");
    log.record(who, "deployment.sync", "deployment:dev/shop-dev", "success", Map.of());
    log.record(who, "deployment.scale", "deployment:prod/shop-prod", "failure", Map.of("error", "refused"));

    UI.getCurrent().navigate("audit");
    _get(TextField.class, spec -> spec.withId("audit-actor")).setValue(who);
    Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
    assertThat(GridKt._findAll(grid)).extracting(AuditEntry::action).containsExactly("deployment.scale", "deployment.sync");
    assertThat(_get(Span.class, spec -> spec.withId("audit-count")).getText()).isEqualTo("2 entries");

    _get(Select.class, spec -> spec.withId("audit-outcome")).setValue("failure");
    assertThat(GridKt._findAll(grid)).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("deployment:prod/shop-prod"));
    _get(TextField.class, spec -> spec.withId("audit-target")).setValue("shop-dev");
    assertThat(GridKt._size(grid)).isZero();
  }
}
