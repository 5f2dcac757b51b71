package com.acme.billing.cleanup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The job's settings ({@code job.*} in application.yaml; an environment variable such as
 * {@code JOB_RETENTION} overrides it).
 *
 * @param retention how old something must be for the job to handle it
 */
@ConfigurationProperties("job")
record JobProperties(Duration retention) {}
