package dev.paved.portal.operations.internal;

import dev.paved.portal.operations.ClusterEvent;
import dev.paved.portal.operations.Replicas;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries {@link ClusterEvent}s between replicas with PostgreSQL's {@code LISTEN}/{@code NOTIFY}: what one
 * replica publishes is sent on a channel, and every other replica publishes it again to its own listeners.
 * One connection per replica stays open to listen; if it breaks, the replica reconnects. Events that happen
 * while it is disconnected are missed, which costs a stale page until the next change, never data.
 */
@Component
class PostgresClusterEvents {
  static final String CHANNEL = "paved_events";
  private static final Logger log = LoggerFactory.getLogger(PostgresClusterEvents.class);
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final ApplicationEventPublisher publisher;
  private final String self;
  private final Thread listener;
  private volatile boolean stopped;

  PostgresClusterEvents(DataSource dataSource, JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher publisher,
      Replicas replicas) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.json = json;
    this.publisher = publisher;
    this.self = replicas.self().id();
    this.listener = Thread.ofPlatform().daemon().name("cluster-events").start(this::listen);
  }

  @EventListener
  void broadcast(ClusterEvent event) {
    if (Thread.currentThread() == listener) {
      return; // an event from another replica, being relayed here: it has been everywhere already
    }
    try {
      // an event with nothing to say but that it happened (CatalogChanged) is an empty object
      String payload = json.writer().without(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(Map.of("from", self, "type", event.getClass().getName(), "event", event));
      jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, payload);
    } catch (RuntimeException e) {
      log.warn("Could not tell the other replicas about {}: {}", event, e.getMessage());
    }
  }

  private void listen() {
    long backoff = 500;
    while (!stopped) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
          listen.execute("listen " + CHANNEL);
        }
        backoff = 500;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!stopped) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              relay(n.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (stopped) {
          return;
        }
        log.warn("Listening for the other replicas' events failed ({}); trying again in {} ms", e.getMessage(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  private void relay(String payload) {
    try {
      JsonNode message = json.readTree(payload);
      if (self.equals(message.path("from").asString())) {
        return;
      }
      Class<?> type = Class.forName(message.path("type").asString(), false, getClass().getClassLoader());
      if (!ClusterEvent.class.isAssignableFrom(type)) {
        log.warn("Ignoring a cluster message of type {}: not a cluster event", type.getName());
        return;
      }
      publisher.publishEvent(json.treeToValue(message.path("event"), type));
    } catch (ClassNotFoundException e) {
      // another replica runs a newer version of the portal during a rolling update
      log.debug("Ignoring a cluster event this version does not know: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Could not handle another replica's event: {}", e.getMessage());
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopped = true;
    listener.join(2_000);
  }
}
