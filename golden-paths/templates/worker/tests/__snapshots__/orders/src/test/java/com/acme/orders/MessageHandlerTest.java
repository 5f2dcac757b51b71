package com.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler's rules, without Spring or a broker. */
class MessageHandlerTest {
  final List<String> processed = new ArrayList<>();
  final MessageHandler handler = new MessageHandler() {
    @Override
    void process(String key, String payload) {
      processed.add(key + "=" + payload);
    }
  };

  @Test
  void processesAValidMessage() {
    handler.handle("order-1", "{\"id\": 1}");

    assertThat(processed).containsExactly("order-1={\"id\": 1}");
  }

  @Test
  void aMessageWithoutKeyIsProcessedToo() {
    handler.handle(null, "hello");

    assertThat(processed).containsExactly("null=hello");
  }

  @Test
  void refusesEmptyAndOversizedMessagesWithoutRetrying() {
    assertThatThrownBy(() -> handler.handle("k", "  ")).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> handler.handle("k", null)).isInstanceOf(InvalidMessageException.class);
    assertThatThrownBy(() -> handler.handle("k", "x".repeat(MessageHandler.MAX_PAYLOAD_LENGTH + 1)))
        .isInstanceOf(InvalidMessageException.class);
    assertThat(processed).isEmpty();
  }

  @Test
  void aFailureInProcessingReachesTheErrorHandler() {
    MessageHandler failing = new MessageHandler() {
      @Override
      void process(String key, String payload) {
        throw new IllegalStateException("database unavailable");
      }
    };

    // not an InvalidMessageException, so the error handler retries it
    assertThatThrownBy(() -> failing.handle("k", "v")).isInstanceOf(IllegalStateException.class);
  }
}
