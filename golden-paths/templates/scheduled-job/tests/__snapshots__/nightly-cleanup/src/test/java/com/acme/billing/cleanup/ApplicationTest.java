package com.acme.billing.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The application starts, runs the job once and has success as its exit code. The job itself is a
 * mock here, so this test keeps passing whatever the job comes to need (a database, an API).
 */
@SpringBootTest
class ApplicationTest {
  @MockitoBean Job job;
  @Autowired JobRunner runner;

  @Test
  void runsTheJobOnceAtStartAndSucceeds() {
    verify(job).run();
    assertThat(runner.getExitCode()).isZero();
  }
}
