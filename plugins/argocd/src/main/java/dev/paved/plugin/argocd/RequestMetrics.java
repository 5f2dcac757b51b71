package dev.paved.plugin.argocd;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * {@code paved.argocd.requests}: every call to an Argo CD instance, timed and tagged with the instance, the
 * operation (the path with application and pod names taken out, so the number of series stays small) and
 * the answer's status, or {@code unreachable}. Errors are the calls with a status of 400 or more, or none.
 */
final class RequestMetrics {
  static final String NAME = "paved.argocd.requests";
  private static final Pattern NAMED = Pattern.compile("/(applications|pods|clusters|repositories)/[^/]+");
  private final MeterRegistry meters;
  private final String instance;

  RequestMetrics(MeterRegistry meters, String instance) {
    this.meters = meters;
    this.instance = instance;
  }

  /** For the generated client's REST calls. */
  ClientHttpRequestInterceptor interceptor() {
    return (request, body, execution) -> {
      long started = System.nanoTime();
      String status = "unreachable";
      try {
        ClientHttpResponse response = execution.execute(request, body);
        status = String.valueOf(response.getStatusCode().value());
        return response;
      } finally {
        record(request.getMethod().name(), request.getURI().getPath(), status, System.nanoTime() - started);
      }
    };
  }

  /** For streams: the time until the answer's headers arrived. */
  void record(String method, String path, String status, long nanos) {
    Timer.builder(NAME).description("Calls to Argo CD; streams until their first answer")
        .tag("instance", instance).tag("method", method).tag("operation", operation(path)).tag("status", status)
        .register(meters).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** {@code /api/v1/applications/payments-prod/sync} becomes {@code applications/{name}/sync}. */
  static String operation(String path) {
    String p = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : path;
    return NAMED.matcher("/" + p).replaceAll("/$1/{name}").substring(1);
  }
}
