package ${values.package};

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens when {@link MessageHandler} throws: up to {@value #RETRIES} retries, 1 s apart and
 * doubling to at most {@value #MAX_BACK_OFF_MS} ms, then the message is published to the dead-letter
 * topic and its offset committed. Spring Boot applies this error handler to the listener.
 */
@Configuration(proxyBeanMethods = false)
class ErrorHandlingConfig {
  static final int RETRIES = 4;
  // the retries of one message must stay well inside max.poll.interval.ms (5 minutes by default)
  static final long MAX_BACK_OFF_MS = 10_000;

  @Bean
  DefaultErrorHandler errorHandler(KafkaOperations<?, ?> kafka, WorkerProperties worker, MeterRegistry meters) {
    Counter deadLettered = Counter.builder("messages.dead.lettered")
        .description("Messages published to the dead-letter topic")
        .tag("topic", worker.deadLetterTopic())
        .register(meters);
    DeadLetterPublishingRecoverer publish = new DeadLetterPublishingRecoverer(kafka,
        // partition -1 lets the producer choose, so the dead-letter topic may have fewer partitions
        (record, exception) -> new TopicPartition(worker.deadLetterTopic(), -1));
    // counted only once published: if publishing fails, the message is retried rather than lost
    ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
      publish.accept(record, consumer, exception);
      deadLettered.increment();
    };
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(RETRIES);
    backOff.setInitialInterval(1_000);
    backOff.setMultiplier(2);
    backOff.setMaxInterval(MAX_BACK_OFF_MS);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(InvalidMessageException.class);
    return handler;
  }
}
