package com.acme.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The job's logic, with a fixed clock and without Spring. */
class JobTest {
  final Clock clock = Clock.fixed(Instant.parse("2030-01-31T03:00:00Z"), ZoneOffset.UTC);

  @Test
  void handlesWhatIsOlderThanTheRetention() {
    Job job = new Job(clock, new JobProperties(Duration.ofDays(30)));

    Job.Result result = job.run();

    assertThat(result.cutoff()).isEqualTo(Instant.parse("2030-01-01T03:00:00Z"));
    assertThat(result.handled()).isZero();
  }

  @Test
  void aRepeatedRunWorksFromTheSameState() {
    Job job = new Job(clock, new JobProperties(Duration.ofHours(12)));

    // Kubernetes may start a run twice: the second decides the same as the first
    assertThat(job.run()).isEqualTo(job.run());
  }
}
