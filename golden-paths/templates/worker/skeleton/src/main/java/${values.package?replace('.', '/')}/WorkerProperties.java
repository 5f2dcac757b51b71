package ${values.package};

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the worker consumes and where messages it gives up on go ({@code worker.*} in
 * application.yaml; an environment variable such as {@code WORKER_TOPIC} overrides it).
 *
 * @param topic the topic consumed
 * @param deadLetterTopic where a message goes once it failed for good, with the reason in its headers
 */
@ConfigurationProperties("worker")
record WorkerProperties(String topic, String deadLetterTopic) {}
