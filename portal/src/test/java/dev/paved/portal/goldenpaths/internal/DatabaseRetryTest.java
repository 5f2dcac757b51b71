package dev.paved.portal.goldenpaths.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseRetryTest {

  @Test
  void anOutageIsWaitedOutAndTheWorkDoneOnce() {
    AtomicInteger attempts = new AtomicInteger();
    String result = DatabaseRetry.call(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
      }
      return "written";
    });
    assertThat(result).isEqualTo("written");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aServerShuttingDownMidStatementCountsAsAnOutage() {
    assertThat(DatabaseRetry.isOutage(new UncategorizedSQLException("insert", "insert into t",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseRetry.isOutage(new UncategorizedSQLException("insert", "insert into t",
        new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
  }

  @Test
  void anythingElseFailsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> DatabaseRetry.run(() -> {
      attempts.incrementAndGet();
      throw new DuplicateKeyException("duplicate key value violates unique constraint");
    })).isInstanceOf(DuplicateKeyException.class);
    assertThat(attempts).hasValue(1);
  }
}
