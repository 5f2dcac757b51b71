package com.acme.orders;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Handles each message of the topic. Replace {@link #process} with the worker's own logic.
 *
 * <p>Delivery is at least once: a message is committed only after this returns, so a crash, a
 * deployment or a rebalance can deliver it again. Make processing idempotent: key writes by the
 * message key or an id in the message (an upsert, a unique constraint, a processed-ids table) and send
 * an idempotency key with any call to another service.
 *
 * <p>Retries: throwing makes the error handler ({@link ErrorHandlingConfig}) retry the message with
 * back-off, holding back the rest of its partition so order by key is kept; after the last retry it
 * goes to the dead-letter topic and the worker moves on. Throw {@link InvalidMessageException} for a
 * message that can never succeed, so it skips the retries.
 */
@Component
class MessageHandler {
  static final String LISTENER_ID = "messages";
  /** A bound on what one message may hold; larger ones are refused rather than processed. */
  static final int MAX_PAYLOAD_LENGTH = 1_000_000;
  private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "${worker.topic}")
  void onMessage(ConsumerRecord<String, String> record) {
    handle(record.key(), record.value());
  }

  /** Validates and processes one message; kept apart from Kafka so tests need no broker. */
  void handle(String key, String payload) {
    if (payload == null || payload.isBlank()) {
      throw new InvalidMessageException("message with key " + key + " is empty");
    }
    if (payload.length() > MAX_PAYLOAD_LENGTH) {
      throw new InvalidMessageException("message with key " + key + " has " + payload.length()
          + " characters, more than " + MAX_PAYLOAD_LENGTH);
    }
    process(key, payload);
  }

  /** The worker's own logic: here it only logs. */
  void process(String key, String payload) {
    log.info("processed message with key {} ({} characters)", key, payload.length());
  }
}
