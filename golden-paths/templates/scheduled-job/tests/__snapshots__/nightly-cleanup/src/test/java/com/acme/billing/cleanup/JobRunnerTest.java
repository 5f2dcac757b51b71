package com.acme.billing.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The exit code Kubernetes sees for each outcome of the job. */
class JobRunnerTest {
  final Job job = mock(Job.class);
  final JobRunner runner = new JobRunner(job);

  @Test
  void exitsWithZeroWhenTheJobSucceeds() {
    when(job.run()).thenReturn(new Job.Result(Instant.EPOCH, 3));

    runner.run(new DefaultApplicationArguments());

    assertThat(runner.getExitCode()).isZero();
  }

  @Test
  void exitsWithOneWhenTheJobThrows() {
    when(job.run()).thenThrow(new IllegalStateException("database unavailable"));

    runner.run(new DefaultApplicationArguments());

    assertThat(runner.getExitCode()).isEqualTo(JobRunner.FAILED);
  }
}
