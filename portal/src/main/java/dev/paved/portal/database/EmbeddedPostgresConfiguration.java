package dev.paved.portal.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (binaries from a Maven package) when no external database is configured, so
 * the portal and its tests run with zero set-up. Production sets {@code spring.datasource.url} and this
 * configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDir = properties.dataDir().toAbsolutePath();
    Files.createDirectories(dataDir);
    stopOrphanedServer(dataDir);
    log.info("Starting embedded PostgreSQL with its data in {}", dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "60")
            .setServerConfig("shared_buffers", "64MB")
            .setServerConfig("fsync", "on")
            .setPGStartupWait(Duration.ofSeconds(60));
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    return builder.start();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?reWriteBatchedInserts=true");
    ds.setUsername("postgres");
    ds.setMaximumPoolSize(10);
    ds.setPoolName("paved-embedded");
    return ds;
  }

  /**
   * A portal killed with SIGKILL leaves its PostgreSQL running on the data folder, and the next start
   * would fail on the lock. Stop such a leftover server first.
   */
  private static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String first;
    try {
      first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    } catch (UncheckedIOException e) {
      return;
    }
    Optional<ProcessHandle> server;
    try {
      server = ProcessHandle.of(Long.parseLong(first));
    } catch (NumberFormatException e) {
      return;
    }
    if (server.isPresent() && server.get().isAlive()
        && server.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
      log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", first, dataDir);
      server.get().destroy();
      try {
        server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        server.get().destroyForcibly();
      }
    }
  }
}
