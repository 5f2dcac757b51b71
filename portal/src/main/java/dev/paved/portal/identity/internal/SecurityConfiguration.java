package dev.paved.portal.identity.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.Role;
import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.identity.SignInProperties;
import dev.paved.portal.identity.ui.LoginView;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, in three filter chains:
 * <ol>
 *   <li>{@code /git/**}: the embedded Git server authenticates pushes itself (a personal access token as the
 *       password) and needs no session or CSRF token;</li>
 *   <li>{@code /api/**}: personal access tokens and Keycloak access tokens as bearer tokens, or the browser's
 *       session; a session-authenticated change needs a CSRF token, a bearer one cannot be forged by another
 *       site; unauthenticated calls get 401 with a problem document, never a login page;</li>
 *   <li>everything else is the Vaadin UI: Keycloak sign-in when {@code paved.security.oidc.issuer-uri} is set,
 *       otherwise the local accounts' login page; Vaadin's CSRF protection, view access annotations and
 *       security headers.</li>
 * </ol>
 * Spring Security changes the session id at sign-in (session fixation).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {
  /** Vaadin needs inline and evaluated script (its bootstrap and client engine); everything else is 'self'. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self';"
      + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'%s";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * The management port (production: 9090, never routed by the ingress) answers probes and Prometheus without
   * sign-in and nothing else. On the main port, health is public and metrics are for platform engineers.
   */
  @Bean
  @Order(0)
  SecurityFilterChain management(HttpSecurity http, Environment environment) throws Exception {
    http.securityMatcher(request -> {
          Integer port = environment.getProperty("local.management.port", Integer.class);
          Integer main = environment.getProperty("local.server.port", Integer.class);
          return port != null && port > 0 && !port.equals(main) && request.getLocalPort() == port;
        })
        .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus").permitAll().anyRequest().denyAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain git(HttpSecurity http) throws Exception {
    return http.securityMatcher("/git/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, UserProfiles profiles,
      ObjectProvider<KeycloakSignIn> keycloak,
      @org.springframework.beans.factory.annotation.Value("${paved.api.max-body-bytes:1048576}") long maxBody)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.requestMatchers("/api/openapi", "/api/openapi/**").permitAll()
            .anyRequest().authenticated())
        .addFilterBefore(new RequestBodyLimit(maxBody), org.springframework.security.web.csrf.CsrfFilter.class)
        .addFilterBefore(new AccessTokenAuthentication(tokens, profiles), BearerTokenAuthenticationFilter.class)
        .csrf(c -> c.requireCsrfProtectionMatcher(sessionChange()))
        .requestCache(c -> c.disable())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
                "Sign in first: send a personal access token (Account > Access tokens) or a Keycloak access token as"
                    + " 'Authorization: Bearer <token>'."))
            .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                "Refused: " + ex.getMessage() + ". A change made with the browser's session needs the CSRF token;"
                    + " scripts send a bearer token instead.")));
    KeycloakSignIn oidc = keycloak.getIfAvailable();
    if (oidc != null) {
      DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
      BearerTokenResolver keycloakTokensOnly = request -> AccessTokenAuthentication.token(request).isPresent()
          ? null : bearer.resolve(request);
      http.oauth2ResourceServer(rs -> rs.bearerTokenResolver(keycloakTokensOnly)
          .jwt(jwt -> jwt.decoder(oidc.bearerTokens()).jwtAuthenticationConverter(oidc.bearerUsers())));
    }
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain ui(HttpSecurity http, SignInProperties properties) throws Exception {
    // error pages are rendered for requests already decided (a refused push to the Git server, say)
    http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.PLATFORM_ENGINEER.id(), Role.ADMIN.id())
        // the portal's stylesheet, for the sign-in page too (Vaadin's own resources are permitted by Vaadin)
        .requestMatchers("/paved.css").permitAll());
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
      if (properties.oidcEnabled()) {
        vaadin.oauth2LoginPage("/oauth2/authorization/" + KeycloakSignIn.REGISTRATION, "{baseUrl}/");
      } else {
        vaadin.loginView(LoginView.class, "/login?signed-out");
      }
    });
    String keycloakOrigin = properties.oidcEnabled() ? " " + origin(properties.oidc().issuerUri()) : "";
    http.headers(h -> h
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY.formatted(keycloakOrigin)))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @ConditionalOnProperty("paved.security.oidc.issuer-uri")
  KeycloakSignIn keycloakSignIn(SignInProperties properties, UserProfiles profiles) {
    return new KeycloakSignIn(properties.oidc(), profiles);
  }

  @Bean
  @ConditionalOnProperty("paved.security.oidc.issuer-uri")
  ClientRegistrationRepository keycloakRegistrations(KeycloakSignIn keycloak) {
    return keycloak.registrations();
  }

  @Bean
  @ConditionalOnProperty("paved.security.oidc.issuer-uri")
  OAuth2UserService<OidcUserRequest, OidcUser> keycloakUsers(KeycloakSignIn keycloak) {
    return keycloak.users();
  }

  @Bean
  @ConditionalOnProperty("paved.security.oidc.issuer-uri")
  JwtDecoder keycloakTokens(KeycloakSignIn keycloak) {
    return keycloak.bearerTokens();
  }

  @Bean
  @ConditionalOnExpression("'${paved.security.oidc.issuer-uri:}'.isBlank()")
  UserDetailsService localAccounts(SignInProperties properties) {
    return new LocalAccounts(properties.localAccounts());
  }

  /** Remembers who signed in (their tokens act with these roles) and audits sign-ins, failed ones too. */
  @Bean
  SignInEvents signInEvents(UserProfiles profiles, AuditLog audit) {
    return new SignInEvents(profiles, audit);
  }

  record SignInEvents(UserProfiles profiles, AuditLog audit) {
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
      if (event.getAuthentication().getPrincipal() instanceof PortalPrincipal principal) {
        String method = principal instanceof LocalAccounts.LocalAccountUser ? "local-account" : "keycloak";
        profiles.signedIn(principal.portalUser(), method);
        audit.record(principal.portalUser().ref(), "user.sign-in", principal.portalUser().ref(), "success",
            Map.of("method", method));
      }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
      String name = String.valueOf(event.getAuthentication().getName());
      String who = name.matches("[A-Za-z0-9._@-]{1,64}") ? name : "(unreadable name)";
      audit.record("user:default/" + who.toLowerCase(java.util.Locale.ROOT), "user.sign-in", "user:default/"
          + who.toLowerCase(java.util.Locale.ROOT), "failure", Map.of("reason", event.getException().getClass()
          .getSimpleName()));
    }
  }

  /** A change (not GET/HEAD/OPTIONS/TRACE) authenticated by the session cookie rather than a bearer token. */
  private static RequestMatcher sessionChange() {
    return (HttpServletRequest request) -> !SAFE_METHODS.contains(request.getMethod())
        && request.getHeader("Authorization") == null;
  }

  private static String origin(String uri) {
    URI parsed = URI.create(uri.strip());
    return parsed.getScheme() + "://" + parsed.getAuthority();
  }
}
