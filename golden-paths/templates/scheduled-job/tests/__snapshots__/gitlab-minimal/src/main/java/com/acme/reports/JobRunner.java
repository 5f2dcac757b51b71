package com.acme.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the job once the application has started and turns its outcome into the process's exit code
 * ({@link Application#main} exits with it): 0 when it succeeded, 1 when it threw.
 */
@Component
class JobRunner implements ApplicationRunner, ExitCodeGenerator {
  static final int FAILED = 1;
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private final Job job;
  private int exitCode;

  JobRunner(Job job) {
    this.job = job;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    try {
      Job.Result result = job.run();
      exitCode = 0;
      log.info("job succeeded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, result);
    } catch (RuntimeException e) {
      exitCode = FAILED;
      log.error("job failed after {} ms", (System.nanoTime() - started) / 1_000_000, e);
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
