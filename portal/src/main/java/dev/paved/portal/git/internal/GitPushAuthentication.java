package dev.paved.portal.git.internal;

import dev.paved.portal.identity.AccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic authentication for the embedded Git server: the password is a personal access token. A push
 * without a valid token is answered 401 with a challenge (so the git client asks for credentials) and a
 * message saying where to get a token; the token's owner becomes the request's remote user.
 */
class GitPushAuthentication extends OncePerRequestFilter {
  private final AccessTokens tokens;

  GitPushAuthentication(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user = user(request.getHeader("Authorization"));
    if (isPush(request) && user.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Paved Git\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Pushing needs a personal access token: create one in"
          + " the portal under Account > Access tokens and give it as the password.");
      return;
    }
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String owner = user.get();
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getRemoteUser() {
        return owner;
      }
    }, response);
  }

  private static boolean isPush(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI().endsWith("/git-receive-pack")
        || (query != null && query.contains("service=git-receive-pack"));
  }

  private Optional<String> user(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? Optional.empty() : tokens.authenticate(decoded.substring(colon + 1));
  }
}
