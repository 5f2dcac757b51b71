package dev.paved.portal.testing;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Browserless UI tests with Karibu: the real views and services, a mocked browser. */
public abstract class UiTest extends PortalTest {
  private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.paved.portal");
  @Autowired ApplicationContext context;

  @BeforeEach
  void setUpVaadin() {
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }
}
