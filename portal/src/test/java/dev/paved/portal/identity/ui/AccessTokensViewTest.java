package dev.paved.portal.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.testing.UiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccessTokensViewTest extends UiTest {
  @Autowired AccessTokens tokens;

  @Test
  @SuppressWarnings("unchecked")
  void aTokenIsShownOnceWorksUntilRevoked() {
    UI.getCurrent().navigate("tokens");
    TextField name = _get(TextField.class, spec -> spec.withId("token-name"));
    name.setValue("laptop " + unique("t"));
    _click(_get(Button.class, spec -> spec.withId("token-create")));
    String secret = _get(Code.class, spec -> spec.withId("token-secret")).getText();
    assertThat(secret).matches("pvd_[A-Za-z0-9]{40}");
    assertThat(tokens.authenticate(secret)).contains("user:default/developer");

    Grid<AccessTokens.TokenView> grid = _get(Grid.class, spec -> spec.withId("token-grid"));
    AccessTokens.TokenView row = GridKt._get(grid, 0);
    assertThat(row.hint()).isEqualTo("…" + secret.substring(secret.length() - 4));
    assertThat(tokens.list("user:default/developer").get(0).lastUsedAt()).as("authenticate notes the use").isNotNull();
    tokens.revoke(row.id(), "user:default/developer");
    assertThat(tokens.authenticate(secret)).isEmpty();
    assertThat(tokens.authenticate("pvd_" + "x".repeat(40))).isEmpty();
  }

  @Test
  void aTokenNeedsAName() {
    UI.getCurrent().navigate("tokens");
    _click(_get(Button.class, spec -> spec.withId("token-create")));
    TextField name = _get(TextField.class, spec -> spec.withId("token-name"));
    assertThat(name.isInvalid()).isTrue();
    assertThat(name.getErrorMessage()).contains("name of 1 to 100 characters");
  }
}
