package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyCheckTest {
  static final String GOOD = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: payments}
      spec:
        template:
          spec:
            securityContext: {runAsNonRoot: true}
            containers:
              - name: app
                image: ghcr.io/acme/payments:1.4.2
                resources:
                  requests: {cpu: 100m, memory: 256Mi}
                  limits: {memory: 256Mi}
                livenessProbe: {httpGet: {path: /actuator/health/liveness, port: 8080}}
                readinessProbe: {httpGet: {path: /actuator/health/readiness, port: 8080}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}
      """;

  @Test
  void aWorkloadFollowingTheRulesPasses() {
    assertThat(PolicyCheck.check("chart/templates/deployment.yaml", GOOD)).isEmpty();
  }

  @Test
  void eachBrokenRuleIsReportedWithFileAndLine() {
    String bad = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ignored}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker}
        spec:
          template:
            spec:
              hostNetwork: true
              containers:
                - name: app
                  image: acme/worker:latest
                  securityContext: {privileged: true}
        """;
    assertThat(PolicyCheck.check("k8s/worker.yaml", bad)).extracting(PolicyCheck.Violation::toString).containsExactlyInAnyOrder(
        "k8s/worker.yaml:11 [host-namespaces] Deployment worker uses hostNetwork",
        "k8s/worker.yaml:13 [pinned-image] Deployment worker container app uses image 'acme/worker:latest' without a version tag or digest",
        "k8s/worker.yaml:13 [resources] Deployment worker container app has no resources.requests for cpu and memory",
        "k8s/worker.yaml:13 [resources] Deployment worker container app has no resources.limits for memory",
        "k8s/worker.yaml:13 [probes] Deployment worker container app has no livenessProbe",
        "k8s/worker.yaml:13 [probes] Deployment worker container app has no readinessProbe",
        "k8s/worker.yaml:13 [non-root] Deployment worker container app does not set runAsNonRoot: true",
        "k8s/worker.yaml:13 [privileged] Deployment worker container app is privileged",
        "k8s/worker.yaml:13 [privilege-escalation] Deployment worker container app does not set allowPrivilegeEscalation: false");
  }

  @Test
  void cronJobsNeedNoProbesButTheSameSecurity() {
    String cron = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      image: acme/job@sha256:0123456789abcdef
                      resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 64Mi}}
                      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
        """;
    assertThat(PolicyCheck.check("cron.yaml", cron)).isEmpty();
  }

  @Test
  void aDockerfileMustEndAsANonRootUserOnAPinnedBase() {
    assertThat(PolicyCheck.check("Dockerfile", """
        FROM eclipse-temurin:21-jdk AS build
        RUN ./mvnw package
        FROM eclipse-temurin:21.0.5_11-jre
        USER 10001
        """)).isEmpty();
    assertThat(PolicyCheck.check("Dockerfile", """
        FROM maven AS build
        USER 10001
        FROM eclipse-temurin:latest
        COPY app.jar /app.jar
        """)).extracting(PolicyCheck.Violation::toString).containsExactly(
        "Dockerfile:1 [pinned-image] base image maven is not pinned to a version",
        "Dockerfile:3 [pinned-image] base image eclipse-temurin:latest is not pinned to a version",
        "Dockerfile:3 [non-root] the final stage runs as root; end it with USER and a non-root user");
  }
}
