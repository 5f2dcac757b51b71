package dev.paved.portal.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the database files live; kept between runs so the catalog survives a restart
 * @param port the port to listen on (loopback only), 0 for any free port
 */
@ConfigurationProperties("paved.database.embedded")
public record EmbeddedPostgresProperties(@DefaultValue("data/postgres") Path dataDir, @DefaultValue("0") int port) {}
