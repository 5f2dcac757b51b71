package dev.paved.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for integration tests: the server distribution the build unpacks from Maven Central into
 * {@code target/keycloak}, started in development mode on 127.0.0.1 (free ports, an in-memory database) with
 * the project's realm ({@code infra/keycloak/paved-realm.json}) imported. Cold start takes half a minute.
 */
public final class KeycloakServer implements AutoCloseable {
  /** Where the build unpacks the distribution (see the portal's pom). */
  public static final Path DISTRIBUTION = Path.of("target/keycloak");
  public static final Path REALM = PortalTest.REPO_ROOT.resolve("infra/keycloak/paved-realm.json");

  private final Process process;
  private final int port;

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Keycloak with the project's realm and waits until it is ready. */
  public static KeycloakServer start() {
    try {
      Path home = home();
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.copy(REALM, imports.resolve("paved-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      int port = freePort();
      int management = freePort();
      Path log = Files.createTempFile("keycloak-", ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
          "--health-enabled=true", "--db=dev-mem", "--import-realm", "--cache=local"))
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + Long.toHexString(System.nanoTime()));
      KeycloakServer server = new KeycloakServer(builder.start(), port);
      server.awaitReady(management, log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The realm's issuer, as tokens name it. */
  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/paved";
  }

  private void awaitReady(int management, Path log) throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak stopped while starting:\n" + tail(log));
      }
      try {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
            + "/health/ready")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> realm = http.send(HttpRequest.newBuilder(URI.create(issuer()
            + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200 && realm.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("Keycloak was not ready within 240 s:\n" + tail(log));
  }

  private static Path home() throws IOException {
    try (var entries = Files.list(DISTRIBUTION)) {
      return entries.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
          .orElseThrow(() -> new IllegalStateException("no Keycloak distribution in " + DISTRIBUTION.toAbsolutePath()
              + ": run the integration tests through Maven (verify), which unpacks it"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
