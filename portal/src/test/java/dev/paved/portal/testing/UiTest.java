package dev.paved.portal.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import dev.paved.portal.access.PortalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browserless UI tests with Karibu: the real views and services, a mocked browser, signed in as
 * {@link TestUsers#DEFAULT} unless the test signs in as someone else with {@link #signInAs}.
 */
public abstract class UiTest extends PortalTest {
  static final Routes ROUTES = new Routes().autoDiscoverViews("dev.paved.portal");
  @Autowired ApplicationContext context;

  @BeforeEach
  void setUpVaadin() {
    setUp(context);
  }

  /** Opens a mocked browser tab on the application, signed in as the thread's user. */
  static void setUp(ApplicationContext context) {
    // Vaadin's view access control asks the request who is signed in: the mocked request answers from the
    // security context, as Spring Security's request wrapper does in a real request
    MockVaadin.setMockRequestFactory(session -> {
      FakeRequest request = new FakeRequest(session);
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication != null) {
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
      }
      return request;
    });
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  /** Signs in as the user and opens a fresh browser tab for them. */
  protected void signInAs(PortalUser user) {
    MockVaadin.tearDown();
    TestUsers.signIn(user);
    setUpVaadin();
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }
}
