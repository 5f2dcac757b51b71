package dev.paved.portal.testing;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.access.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The users tests act as, matching the demo accounts and the Keycloak realm (dana of team-payments, sam of
 * team-search, pat the platform engineer, ada the admin), and {@link #DEFAULT}, whom tests that are not about
 * permissions act as.
 */
public final class TestUsers {
  public static final PortalUser DANA = user("dana", "Dana Payments", Set.of(Role.DEVELOPER), "team-payments");
  public static final PortalUser SAM = user("sam", "Sam Search", Set.of(Role.DEVELOPER), "team-search");
  public static final PortalUser PAT = user("pat", "Pat Platform", Set.of(Role.PLATFORM_ENGINEER), "platform");
  public static final PortalUser ADA = user("ada", "Ada Admin", Set.of(Role.ADMIN, Role.PLATFORM_ENGINEER), "platform");
  /** Signed in with no portal role at all (a Keycloak user outside the portal's roles). */
  public static final PortalUser VIEWER = user("vic", "Vic Viewer", Set.of());
  /** Tests not about permissions act as this platform engineer, who may do everything but settings. */
  public static final PortalUser DEFAULT = engineer(new Actor("user:default/developer", "Developer", "developer@localhost"));

  private TestUsers() {}

  public static PortalUser user(String name, String displayName, Set<Role> roles, String... groups) {
    return new PortalUser(new Actor("user:default/" + name, displayName, name + "@acme.example"), roles,
        Arrays.stream(groups).map(g -> "group:default/" + g).collect(Collectors.toSet()));
  }

  /** A platform engineer in team-payments, with the given identity. */
  public static PortalUser engineer(Actor actor) {
    return new PortalUser(actor, Set.of(Role.DEVELOPER, Role.PLATFORM_ENGINEER),
        Set.of("group:default/team-payments", "group:default/platform"));
  }

  /** An authentication as the portal's sign-in methods make them. */
  public static Authentication authentication(PortalUser user) {
    return UsernamePasswordAuthenticationToken.authenticated(new Principal(user), null,
        user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
  }

  /**
   * Makes the application's security context holder the one {@link SecurityContextHolder} uses. Every portal
   * started in this JVM installs its own (Vaadin's, session-aware) as the global one; a test running against
   * an earlier portal must put that portal's back, or its requests and its services would look for the user in
   * different places.
   */
  public static void useHolderOf(org.springframework.context.ApplicationContext context) {
    SecurityContextHolder.setContextHolderStrategy(
        context.getBean(org.springframework.security.core.context.SecurityContextHolderStrategy.class));
  }

  /** Signs the user in on this thread (services and Karibu pages see them). */
  public static void signIn(PortalUser user) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication(user));
    SecurityContextHolder.setContext(context);
  }

  public static void signOut() {
    SecurityContextHolder.clearContext();
  }

  record Principal(PortalUser user) implements PortalPrincipal {
    @Override
    public PortalUser portalUser() {
      return user;
    }
  }

  /** MockMvc requests act as {@link #DEFAULT} with a CSRF token, unless a test says otherwise. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class MockMvcSignIn {
    @Bean
    MockMvcBuilderCustomizer signedInByDefault() {
      return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/")
          .with(SecurityMockMvcRequestPostProcessors.authentication(authentication(DEFAULT)))
          .with(SecurityMockMvcRequestPostProcessors.csrf().asHeader()));
    }
  }
}
