package dev.paved.plugin.argocd;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paved.plugin.argocd.client.ApiClient;
import dev.paved.plugin.argocd.client.api.ApplicationServiceApi;
import dev.paved.plugin.argocd.client.api.SessionServiceApi;
import dev.paved.plugin.argocd.client.model.SessionSessionCreateRequest;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentException.Reason;
import dev.paved.plugin.deploy.InstanceState;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Argo CD instance as the plugin talks to it: the generated client for requests, the JDK HTTP client for
 * NDJSON streams, both with the instance's TLS trust and timeouts and its bearer token (an API token, or a
 * session opened with the account and renewed once when Argo CD says it expired). Every failure becomes a
 * {@link DeploymentException} that says what was tried, what Argo CD answered and what to do; the client
 * remembers whether the instance is reachable and since when it is not.
 */
final class ArgoCdClient {
  static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .changeDefaultPropertyInclusion(incl -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.NON_NULL))
      .build();

  /** A call of the generated API. */
  @FunctionalInterface
  interface Call<T> {
    T on(ApplicationServiceApi api);
  }

  private final String name;
  private final ArgoCdProperties.Instance config;
  private final HttpClient http;
  private final ApiClient api;
  private final ApplicationServiceApi applications;
  private final Clock clock;
  private final RequestMetrics metrics;
  private volatile String sessionToken;
  /** Told when a call is answered while the watch still thinks the instance is unreachable. */
  private volatile Runnable answered = () -> { };
  private final java.util.concurrent.atomic.AtomicReference<InstanceState> state;
  private final java.util.concurrent.locks.ReentrantLock signingIn = new java.util.concurrent.locks.ReentrantLock();

  ArgoCdClient(String name, ArgoCdProperties.Instance config, Clock clock, MeterRegistry meters) {
    this.name = name;
    this.metrics = new RequestMetrics(meters, name);
    this.config = config;
    this.clock = clock;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (config.caFile() != null) {
      builder.sslContext(trusting(config));
    }
    this.http = builder.build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(config.requestTimeout());
    this.api = new ApiClient(ApiClient.buildRestClientBuilder(JSON).requestFactory(requests)
        .requestInterceptor(metrics.interceptor()).build(), JSON,
        ApiClient.createDefaultDateFormat());
    api.setBasePath(base());
    api.setBearerToken(this::token);
    this.applications = new ApplicationServiceApi(api);
    this.state = new java.util.concurrent.atomic.AtomicReference<>(
        new InstanceState(name, config.url().toString(), true, null, "", null));
  }

  String name() {
    return name;
  }

  ArgoCdProperties.Instance config() {
    return config;
  }

  InstanceState state() {
    return state.get();
  }

  /**
   * Runs a call of the API, renewing an expired session once.
   *
   * @param what what the call does, for messages, such as "sync payments-prod"
   */
  <T> T call(String what, Call<T> call) throws DeploymentException {
    for (int attempt = 0; ; attempt++) {
      String session = sessionToken;
      try {
        T answer = call.on(applications);
        if (!state.get().reachable()) {
          answered.run();
        }
        return answer;
      } catch (RestClientResponseException e) {
        if (e.getStatusCode().value() == 401 && config.username() != null && attempt == 0) {
          expired(session);
          continue;
        }
        throw failure(what, e);
      } catch (RestClientException e) {
        throw failure(what, e);
      } catch (DeploymentUnavailable e) {
        throw e.problem;
      }
    }
  }

  /**
   * Opens an NDJSON stream ({@code path} with its query, under the API's base), answering once the status
   * line and headers arrive; the body is read by the caller, line by line, for as long as it lasts. Argo CD's
   * gateway sends the headers with the first message, which on a quiet stream may take long: {@code
   * headersWithin} bounds that wait (and only that). Callers open streams off request threads.
   */
  InputStream stream(String what, String pathAndQuery, java.time.Duration headersWithin) throws DeploymentException {
    for (int attempt = 0; ; attempt++) {
      String session = sessionToken;
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).timeout(headersWithin)
          .header("Accept", "application/json")
          .header("Authorization", "Bearer " + tokenOrThrow()).GET().build();
      HttpResponse<InputStream> response;
      long started = System.nanoTime();
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        metrics.record("GET", request.uri().getPath(), String.valueOf(response.statusCode()), System.nanoTime() - started);
      } catch (IOException e) {
        metrics.record("GET", request.uri().getPath(), "unreachable", System.nanoTime() - started);
        throw unreachable(what, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeploymentException(Reason.UNREACHABLE, "stopped waiting for Argo CD " + name + " to " + what);
      }
      if (response.statusCode() == 200) {
        return response.body();
      }
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(64 * 1024);
      } catch (IOException e) {
        body = new byte[0];
      }
      if (response.statusCode() == 401 && config.username() != null && attempt == 0) {
        expired(session);
        continue;
      }
      throw refused(what, response.statusCode(), new String(body, StandardCharsets.UTF_8));
    }
  }

  /**
   * Forgets a session Argo CD refused, unless another thread already replaced it: the next call signs in
   * again (once, however many calls noticed).
   */
  private void expired(String session) {
    signingIn.lock();
    try {
      if (java.util.Objects.equals(sessionToken, session)) {
        sessionToken = null;
      }
    } finally {
      signingIn.unlock();
    }
  }

  /**
   * Records that the watch could not reach Argo CD, keeping the first time it could not. Only the watch
   * decides: one slow or failing call (a hard refresh can take long; Argo CD answers many application errors
   * with a 500) says nothing about the instance.
   */
  void markUnreachable(String problem) {
    state.updateAndGet(was -> new InstanceState(name, config.url().toString(), false,
        was.reachable() ? Instant.now(clock) : was.unreachableSince(), problem, was.lastContact()));
  }

  /** Records that the watch heard from Argo CD; returns whether it was unreachable until now. */
  boolean markReachable() {
    InstanceState was = state.getAndSet(new InstanceState(name, config.url().toString(), true, null, "", Instant.now(clock)));
    return !was.reachable();
  }

  /** What to do when a call is answered while the instance counts as unreachable (wake the watch). */
  void onAnsweredWhileUnreachable(Runnable action) {
    this.answered = action;
  }

  /** Stops the HTTP client's threads. */
  void close() {
    http.close();
  }

  private String token() {
    try {
      return tokenOrThrow();
    } catch (DeploymentException e) {
      throw new DeploymentUnavailable(e);
    }
  }

  private String tokenOrThrow() throws DeploymentException {
    if (config.token() != null && !config.token().isBlank()) {
      return config.token();
    }
    String token = sessionToken;
    if (token == null) {
      // a lock, not synchronized: log streams sign in on virtual threads, which must not pin their carrier
      signingIn.lock();
      try {
        if (sessionToken == null) {
          try {
            SessionServiceApi sessions = new SessionServiceApi(api);
            sessionToken = sessions.sessionServiceCreate(new SessionSessionCreateRequest()
                .username(config.username()).password(config.password())).getToken();
          } catch (RestClientException e) {
            throw failure("sign in as " + config.username(), e);
          }
        }
        token = sessionToken;
      } finally {
        signingIn.unlock();
      }
    }
    return token;
  }

  private DeploymentException failure(String what, RestClientException e) {
    if (e instanceof RestClientResponseException response) {
      return refused(what, response.getStatusCode().value(), response.getResponseBodyAsString(StandardCharsets.UTF_8));
    }
    if (e instanceof ResourceAccessException) {
      return unreachable(what, e.getMostSpecificCause());
    }
    return new DeploymentException(Reason.FAILED, "Argo CD " + name + " answered in a way the portal could not read "
        + "when asked to " + what + ": " + e.getMostSpecificCause().getMessage(), e);
  }

  private DeploymentException unreachable(String what, Throwable cause) {
    String detail = cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
        ? "no answer within " + config.requestTimeout().toSeconds() + " s"
        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    boolean untrusted = false;
    for (Throwable t = cause; t != null; t = t.getCause()) {
      untrusted |= t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertPathValidatorException
          || t.getClass().getSimpleName().equals("SunCertPathBuilderException");
    }
    String message = "Argo CD " + name + " (" + config.url() + ") could not be reached to " + what + " (" + detail
        + "). " + (untrusted ? "Its TLS certificate is not trusted: set paved.plugins.argocd.instances." + name
        + ".ca-file to the PEM of the authority that signed it." : "Check that it is running and reachable from "
        + "the portal; the portal keeps showing what it saw last.");
    return new DeploymentException(Reason.UNREACHABLE, message, cause);
  }

  private DeploymentException refused(String what, int status, String body) {
    String said = argoMessage(body);
    String prefix = "Argo CD " + name + " ";
    return switch (status) {
      case 401 -> new DeploymentException(Reason.UNAUTHORIZED, prefix + "refused the portal's credentials when asked to "
          + what + " (" + said + "). Check paved.plugins.argocd.instances." + name
          + (config.username() != null ? ".username and .password" : ".token") + ".");
      case 403 -> new DeploymentException(Reason.FORBIDDEN, prefix + "does not let the portal's account " + what + " ("
          + said + "). Grant it in Argo CD's RBAC (argocd-rbac-cm) or the project's roles.");
      case 404 -> new DeploymentException(Reason.NOT_FOUND, prefix + "has nothing to " + what + " (" + said + ").");
      case 409 -> new DeploymentException(Reason.CONFLICT, prefix + "refused to " + what + ": it conflicts with what "
          + "exists (" + said + ").");
      case 400, 412, 422 -> new DeploymentException(Reason.REFUSED, prefix + "refused to " + what + ": " + said);
      default -> {
        yield new DeploymentException(status >= 500 ? Reason.FAILED : Reason.REFUSED, prefix + "failed to " + what
            + " (HTTP " + status + ": " + said + "). Try again in a moment; if it persists, look at Argo CD's server logs.");
      }
    };
  }

  private static String argoMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      String message = node.path("message").asString("");
      if (!message.isBlank()) {
        return message;
      }
    } catch (RuntimeException notJson) {
      // a proxy's page rather than Argo CD's answer
    }
    String text = body == null ? "" : body.strip();
    return text.isEmpty() ? "no details" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private String base() {
    String url = config.url().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static SSLContext trusting(ArgoCdProperties.Instance config) {
    try (InputStream in = Files.newInputStream(config.caFile())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IllegalArgumentException(config.caFile() + " has no PEM certificate");
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("the certificate authorities in " + config.caFile() + " cannot be read: "
          + e.getMessage(), e);
    }
  }

  /** Carries a failed sign-in out of the token supplier the generated client calls. */
  private static final class DeploymentUnavailable extends RuntimeException {
    private final DeploymentException problem;

    DeploymentUnavailable(DeploymentException problem) {
      super(problem.getMessage(), problem, false, false);
      this.problem = problem;
    }
  }
}
