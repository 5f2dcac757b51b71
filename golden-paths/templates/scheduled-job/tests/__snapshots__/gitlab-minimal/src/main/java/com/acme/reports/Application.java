package com.acme.reports;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** A scheduled job */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

  public static void main(String[] args) {
    // the exit code is the job's outcome: Kubernetes counts anything but 0 as a failed attempt
    System.exit(SpringApplication.exit(SpringApplication.run(Application.class, args)));
  }

  /** The time the job works from; tests pass a fixed one. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
