package dev.paved.plugin.gitea;

import dev.paved.plugin.git.GitHostException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Gitea's REST API, one request at a time: signs requests with the token and turns what cannot be
 * answered (unreachable, too slow, token refused, redirected) into messages that say what to do. The
 * status codes that mean something for one operation are left to the caller.
 */
final class GiteaClient implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer from Gitea: its status and JSON body (empty when there is none or it is not JSON). */
  record Response(int status, JsonNode body) {
    /** Gitea's own explanation, as its error bodies carry it in {@code message}. */
    String message() {
      String message = body.path("message").asString("");
      return message.isBlank() ? "" : ": " + message;
    }
  }

  private final String base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  GiteaClient(String base, String token, Duration timeout) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    // no redirects: the token would follow them, and a redirect usually means the URL is set wrong
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Sends one request to {@code <base>/api/v1<path>}; {@code doing} completes messages such as "could
   * not reach Gitea at ... to {@code doing}".
   */
  Response send(String method, String path, Object body, String doing) throws GitHostException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(timeout)
        .header("Authorization", "token " + token).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new GitHostException("could not reach Gitea at " + base + " to " + doing + " within " + seconds()
          + ": check paved.plugins.gitea.url and that Gitea is running", e);
    } catch (HttpTimeoutException e) {
      throw new GitHostException("Gitea at " + base + " did not answer within " + seconds() + " when asked to "
          + doing + "; try again, or raise paved.plugins.gitea.timeout", e);
    } catch (IOException e) {
      throw new GitHostException("could not reach Gitea at " + base + " to " + doing + " (" + describe(e)
          + "): check paved.plugins.gitea.url and that Gitea is running", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHostException("interrupted while asking Gitea at " + base + " to " + doing, e);
    }
    Response answer = new Response(response.statusCode(), parse(response.body()));
    int status = answer.status();
    if (status == 401 || status == 403) {
      throw new GitHostException("the Gitea token is refused (" + status + answer.message() + ") when trying to "
          + doing + ": check paved.plugins.gitea.token and its scopes", false);
    }
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("elsewhere");
      throw new GitHostException("Gitea at " + base + " redirects to " + location + " when asked to " + doing
          + ": set paved.plugins.gitea.url to the address Gitea is served at", false);
    }
    return answer;
  }

  /** For the answers an operation does not expect, such as a 500. */
  GitHostException unexpected(Response response, String doing) {
    return new GitHostException("Gitea at " + base + " answered " + response.status() + response.message()
        + " when asked to " + doing, false);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return MissingNode.getInstance(); // a proxy's HTML error page, say: the status alone has to do
    }
  }

  private String seconds() {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
  }

  private static String describe(IOException e) {
    Throwable cause = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  @Override
  public void close() {
    http.close();
  }
}
