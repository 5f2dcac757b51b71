package com.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.SendResult;

/** Where failed messages go, with the Kafka template and consumer mocked: no broker. */
class ErrorHandlingConfigTest {
  final WorkerProperties worker = new WorkerProperties("orders", "orders.DLT");
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  @SuppressWarnings("unchecked")
  final KafkaOperations<Object, Object> kafka = mock(KafkaOperations.class);
  @SuppressWarnings("unchecked")
  final Consumer<String, String> consumer = mock(Consumer.class);
  final MessageListenerContainer container = mock(MessageListenerContainer.class);
  final DefaultErrorHandler handler = new ErrorHandlingConfig().errorHandler(kafka, worker, meters);
  final ConsumerRecord<String, String> record = new ConsumerRecord<>("orders", 3, 42L, "order-1", "not json");

  @Test
  @SuppressWarnings("unchecked")
  void anInvalidMessageGoesToTheDeadLetterTopicAtOnce() {
    when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

    handler.handleRemaining(new InvalidMessageException("does not parse"), List.of(record), consumer, container);

    ArgumentCaptor<ProducerRecord<Object, Object>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
    verify(kafka).send(sent.capture());
    assertThat(sent.getValue().topic()).isEqualTo("orders.DLT");
    assertThat(sent.getValue().partition()).as("the producer picks the partition").isNull();
    assertThat(sent.getValue().key()).isEqualTo("order-1");
    assertThat(sent.getValue().value()).isEqualTo("not json");
    assertThat(meters.counter("messages.dead.lettered", "topic", "orders.DLT").count()).isEqualTo(1);
  }

  @Test
  void anyOtherFailureIsRetriedFirst() {
    // the record is sought back to be delivered again, and the container told it is in retry
    assertThatThrownBy(() -> handler.handleRemaining(new IllegalStateException("database unavailable"),
        List.of(record), consumer, container))
        .hasMessageContaining("in retry")
        .hasRootCauseMessage("database unavailable");

    verify(consumer).seek(new TopicPartition("orders", 3), 42L);
    verify(kafka, never()).send(any(ProducerRecord.class));
    assertThat(meters.counter("messages.dead.lettered", "topic", "orders.DLT").count()).isZero();
  }
}
