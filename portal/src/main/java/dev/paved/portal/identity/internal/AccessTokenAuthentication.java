package dev.paved.portal.identity.internal;

import dev.paved.portal.access.PortalUser;
import dev.paved.portal.identity.AccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a REST call that carries a personal access token ({@code Authorization: Bearer pvd_…}) as the
 * token's owner, with the roles and groups they had when they last signed in to the portal. A revoked,
 * unknown or orphaned token is answered 401 with what to do; other bearer tokens are left to the Keycloak
 * resource server.
 */
final class AccessTokenAuthentication extends OncePerRequestFilter {
  static final String PREFIX = "pvd_";
  private final AccessTokens tokens;
  private final UserProfiles profiles;

  AccessTokenAuthentication(AccessTokens tokens, UserProfiles profiles) {
    this.tokens = tokens;
    this.profiles = profiles;
  }

  /** The personal access token in a request's Authorization header, if it carries one. */
  static Optional<String> token(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).strip();
    return token.startsWith(PREFIX) ? Optional.of(token) : Optional.empty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> token = token(request);
    if (token.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> owner = tokens.authenticate(token.get());
    if (owner.isEmpty()) {
      refuse(response, "The personal access token is unknown or revoked: create a new one in the portal under"
          + " Account > Access tokens.");
      return;
    }
    Optional<PortalUser> user = profiles.find(owner.get());
    if (user.isEmpty()) {
      refuse(response, "The personal access token's owner " + owner.get() + " has not signed in to the portal yet,"
          + " so their roles are unknown: sign in once, then use the token again.");
      return;
    }
    // the holder's strategy is looked up per request: Vaadin installs its own after this filter is made
    SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new PortalAuthentication(user.get(), "access-token"));
    contexts.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      contexts.clearContext();
    }
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    ProblemResponses.write(response, org.springframework.http.HttpStatus.UNAUTHORIZED, detail);
  }
}
