package dev.paved.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.paved.goldenpaths.engine.PolicyCheck;
import dev.paved.goldenpaths.engine.SkeletonRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The portal's Helm chart, rendered by real Helm (helm-java, as the golden paths' helm:lint step) and
 * checked with the golden paths' own policy: what the portal asks of every service it creates holds
 * for the portal too.
 */
class HelmChartTest {
  static final Path ROOT = repositoryRoot();
  static final Path CHART = ROOT.resolve("infra/helm/paved");
  static final Path INVALID = ROOT.resolve("infra/helm/invalid-values");
  /**
   * Without a cluster Helm assumes Kubernetes 1.20 (helm-java's library build carries no other version),
   * which the chart's kubeVersion (>= 1.27) refuses: render for a current cluster, as Argo CD does with
   * its destination's version.
   */
  static final String KUBE_VERSION = "v1.31.0";
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

  static Manifests production;

  @BeforeAll
  static void renderProduction() {
    production = Manifests.parse(render(CHART.resolve("ci/production-values.yaml")));
  }

  @Test
  void theChartLintsStrictlyWithItsDefaults() {
    LintResult lint = helm(() -> new Helm(CHART).lint().strict().call());

    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void theDefaultsRenderAndPassTheGoldenPathPolicy() {
    String manifests = helm(() -> template(t -> t));

    assertThat(PolicyCheck.check(List.of(file("defaults.yaml", manifests)))).isEmpty();
    assertThat(Manifests.parse(manifests).one("Deployment")).isNotNull();
  }

  static Stream<Path> ciValues() throws IOException {
    try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
      List<Path> values = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(values).extracting(p -> p.getFileName().toString())
          .contains("production-values.yaml", "single-replica-embedded-git-values.yaml", "minimal-values.yaml");
      return values.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void everyCiValuesFileRendersManifestsThatPassTheGoldenPathPolicy(Path values) {
    String manifests = render(values);

    assertThat(PolicyCheck.check(List.of(file(values.getFileName().toString(), manifests))))
        .as("policy violations").isEmpty();
    Manifests parsed = Manifests.parse(manifests);
    assertThat(parsed.kinds()).contains("Deployment", "Service", "ConfigMap", "ServiceAccount", "NetworkPolicy");
  }

  @Test
  void theDeploymentProbesTheManagementPortAndRunsLockedDown() {
    Map<String, Object> pod = production.podSpec();
    Map<String, Object> container = production.container();

    assertThat(get(container, "startupProbe", "httpGet", "port")).isEqualTo("management");
    assertThat(get(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    assertThat((int) get(container, "startupProbe", "failureThreshold") * (int) get(container, "startupProbe", "periodSeconds"))
        .as("seconds the portal gets to start").isGreaterThanOrEqualTo(90);
    assertThat(get(container, "livenessProbe", "httpGet", "port")).isEqualTo("management");
    assertThat(get(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    assertThat(get(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
    assertThat(get(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
    assertThat(list(container, "ports")).extracting(p -> map(p).get("name") + ":" + map(p).get("containerPort"))
        .containsExactlyInAnyOrder("http:8080", "management:9090");

    assertThat(get(container, "resources", "requests", "cpu")).isEqualTo("1");
    assertThat(get(container, "resources", "limits", "memory")).isEqualTo("2Gi");

    assertThat(get(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
    assertThat(get(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(get(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
    assertThat(get(container, "securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
    assertThat(get(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(get(pod, "securityContext", "runAsUser")).isEqualTo(10001);
    assertThat(get(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
    assertThat(get(container, "lifecycle", "preStop")).as("a stopping pod leaves the endpoints first").isNotNull();

    // helm-java runs its native library from java.io.tmpdir: /tmp is a disk-backed emptyDir
    assertThat(mountPaths(container)).containsEntry("/tmp", "tmp").containsEntry("/data", "data").containsEntry("/config", "config");
    Map<String, Object> tmp = volume(pod, "tmp");
    assertThat(tmp).containsKey("emptyDir");
    assertThat(map(tmp.get("emptyDir"))).doesNotContainKey("medium").containsEntry("sizeLimit", "512Mi");
    assertThat(map(volume(pod, "data"))).containsKey("emptyDir");
  }

  @Test
  void theImageIsPinnedByDigestWhenOneIsGiven() {
    assertThat(production.container().get("image"))
        .isEqualTo("ghcr.io/paved-dev/paved@sha256:4f3c2b1a09e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2");
    Manifests defaults = Manifests.parse(helm(() -> template(t -> t)));
    assertThat(defaults.container().get("image")).isEqualTo("ghcr.io/paved-dev/paved:0.1.0");
  }

  @Test
  void withAutoscalingTheAutoscalerOwnsTheReplicaCountAndABudgetKeepsReplicasUp() {
    Map<String, Object> hpa = production.one("HorizontalPodAutoscaler");
    assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(get(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
    assertThat(get(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(get(production.one("Deployment"), "metadata", "name"));
    assertThat(get(hpa, "spec", "minReplicas")).isEqualTo(3);
    assertThat(map(production.one("Deployment").get("spec"))).doesNotContainKey("replicas");

    Map<String, Object> pdb = production.one("PodDisruptionBudget");
    assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
    assertThat(get(pdb, "spec", "minAvailable")).isEqualTo(2);
    assertThat(get(pdb, "spec", "selector", "matchLabels")).isEqualTo(get(production.one("Deployment"), "spec", "selector", "matchLabels"));
  }

  @Test
  void prometheusScrapesTheManagementPort() {
    Map<String, Object> monitor = production.one("ServiceMonitor");
    assertThat(monitor.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
    Map<String, Object> endpoint = map(list(map(monitor.get("spec")), "endpoints").getFirst());
    assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
    assertThat(get(monitor, "metadata", "labels", "release")).isEqualTo("kube-prometheus-stack");

    Map<String, Object> service = production.one("Service");
    assertThat(list(map(service.get("spec")), "ports")).extracting(p -> map(p).get("name") + "->" + map(p).get("targetPort"))
        .contains("management->management", "http->http");
    assertThat(map(get(service, "metadata", "labels"))).containsAllEntriesOf(map(get(monitor, "spec", "selector", "matchLabels")));
  }

  @Test
  void onlyTheIngressControllerReachesTheAppAndOnlyPrometheusTheManagementPort() {
    Map<String, Object> policy = production.one("NetworkPolicy");
    List<Object> rules = list(map(policy.get("spec")), "ingress");

    assertThat(rules).hasSize(2);
    assertThat(ruleFor(rules, 8080)).isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(ruleFor(rules, 9090)).isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
    assertThat(get(policy, "spec", "podSelector", "matchLabels"))
        .isEqualTo(get(production.one("Deployment"), "spec", "selector", "matchLabels"));
  }

  private static Object ruleFor(List<Object> rules, int port) {
    return rules.stream().map(HelmChartTest::map)
        .filter(r -> list(r, "ports").stream().anyMatch(p -> Objects.equals(map(p).get("port"), port)))
        .map(r -> get(map(list(r, "from").getFirst()), "namespaceSelector", "matchLabels"))
        .findFirst().orElseThrow(() -> new AssertionError("no ingress rule for port " + port));
  }

  @Test
  void theIngressKeepsABrowserOnOneReplicaAndPushConnectionsOpen() {
    Map<String, Object> ingress = production.one("Ingress");
    assertThat(ingress.get("apiVersion")).isEqualTo("networking.k8s.io/v1");
    Map<String, Object> annotations = map(get(ingress, "metadata", "annotations"));

    assertThat(annotations)
        .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
        .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
        .containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", "paved-route")
        .containsEntry("nginx.ingress.kubernetes.io/session-cookie-max-age", "86400")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
        .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    assertThat(get(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
    assertThat(map(list(map(ingress.get("spec")), "tls").getFirst()))
        .containsEntry("secretName", "paved-tls").containsEntry("hosts", List.of("paved.acme.com"));
    assertThat(map(list(map(ingress.get("spec")), "rules").getFirst())).containsEntry("host", "paved.acme.com");
  }

  @Test
  void secretsComeFromSecretKeyRefsAndNeverFromTheConfigMap() {
    Map<String, Map<String, Object>> env = production.env();

    assertThat(secretRef(env, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("paved-database/password");
    assertThat(secretRef(env, "PAVED_SECURITY_OIDC_CLIENT_SECRET")).isEqualTo("paved-oidc/client-secret");
    assertThat(secretRef(env, "PAVED_PLUGINS_GITEA_TOKEN")).isEqualTo("paved-gitea/token");
    assertThat(secretRef(env, "PAVED_ARGOCD_TOKEN_0")).isEqualTo("paved-argocd-nonprod/token");
    assertThat(secretRef(env, "PAVED_ARGOCD_TOKEN_1")).isEqualTo("paved-argocd-prod/token");
    assertThat(env.get("SPRING_DATASOURCE_URL")).containsEntry("value",
        "jdbc:postgresql://paved.cluster-abc123.eu-central-1.rds.amazonaws.com:5432/paved?sslmode=verify-full");
    assertThat(env.get("SPRING_CONFIG_ADDITIONAL_LOCATION")).containsEntry("value", "optional:file:/config/");
    assertThat(env.get("PAVED_GIT_EMBEDDED_PUBLIC_URL")).containsEntry("value", "https://paved.acme.com/git");
    assertThat(env.get("PAVED_PLUGINS_GITEA_URL")).containsEntry("value", "https://git.acme.com");
    assertThat(env.get("PAVED_GIT_GITOPS_REPO_URL")).containsEntry("value", "gitea?owner=platform&repo=gitops");
    assertThat(env.get("SPRING_PROFILES_ACTIVE")).containsEntry("value", "production");

    Map<String, Object> settings = production.settings();
    Map<String, Object> instances = map(get(settings, "paved", "plugins", "argocd", "instances"));
    assertThat(instances).containsOnlyKeys("nonprod", "prod");
    assertThat(map(instances.get("nonprod")))
        .containsEntry("url", "https://argocd.nonprod.acme.com")
        .containsEntry("token", "${PAVED_ARGOCD_TOKEN_0}")
        .containsEntry("environments", List.of("dev", "staging"));
    assertThat(map(instances.get("prod"))).containsEntry("token", "${PAVED_ARGOCD_TOKEN_1}");
    // every secret-looking setting is a placeholder for an environment variable, never a value
    assertThat(secretSettings(settings, "")).isNotEmpty().allSatisfy((key, value) ->
        assertThat(value).as(key).isInstanceOf(String.class).matches(v -> PLACEHOLDER.matcher((String) v).matches()));
    String configMapText = String.valueOf(get(production.one("ConfigMap"), "data", "application.yaml"));
    assertThat(configMapText).doesNotContainIgnoringCase("password:").doesNotContainIgnoringCase("client-secret");
  }

  @Test
  void theConfigMapHoldsThePortalsSettingsWithExtraConfigMergedIn() {
    Map<String, Object> settings = production.settings();

    assertThat(get(settings, "paved", "catalog", "locations")).isEqualTo(List.of(
        Map.of("type", "git", "target", "https://git.acme.com/platform/catalog.git#main:catalog-info.yaml"),
        Map.of("type", "git", "target", "https://git.acme.com/platform/systems.git#main:all-systems.yaml")));
    assertThat(get(settings, "paved", "catalog", "refresh-interval")).isEqualTo("2m");
    assertThat(get(settings, "paved", "catalog", "git", "allowed-hosts")).isEqualTo(List.of("git.acme.com"));
    assertThat(get(settings, "paved", "catalog", "git", "cache-dir")).isEqualTo("/data/git-cache");
    assertThat(get(settings, "paved", "git", "embedded", "root")).isEqualTo("/data/git");
    assertThat(get(settings, "paved", "plugins", "argocd", "destination-namespace")).isEqualTo("{service}-{environment}");
    assertThat(get(settings, "server", "forward-headers-strategy")).isEqualTo("framework");
    assertThat(get(settings, "paved", "deployments", "rollback")).as("from extraConfig").isEqualTo("argocd");
  }

  @Test
  void aChangedConfigMapRollsThePods() {
    String before = checksum(Manifests.parse(render(CHART.resolve("ci/minimal-values.yaml"))));
    String after = checksum(Manifests.parse(helm(() -> template(t -> t
        .withValuesFile(CHART.resolve("ci/minimal-values.yaml"))
        .set("catalog.refreshInterval", "1m")))));

    assertThat(before).matches("[0-9a-f]{64}");
    assertThat(after).isNotEqualTo(before);
  }

  private static String checksum(Manifests manifests) {
    return (String) get(manifests.one("Deployment"), "spec", "template", "metadata", "annotations", "checksum/config");
  }

  @Test
  void aSingleReplicaWithTheEmbeddedGitServerKeepsItsRepositoriesOnAVolume() {
    Manifests single = Manifests.parse(render(CHART.resolve("ci/single-replica-embedded-git-values.yaml")));

    Map<String, Object> claim = single.one("PersistentVolumeClaim");
    assertThat(get(claim, "spec", "resources", "requests", "storage")).isEqualTo("20Gi");
    assertThat(get(claim, "spec", "storageClassName")).isEqualTo("standard-rwo");
    assertThat(get(claim, "metadata", "annotations", "helm.sh/resource-policy")).isEqualTo("keep");
    assertThat(get(volume(single.podSpec(), "data"), "persistentVolumeClaim", "claimName")).isEqualTo(get(claim, "metadata", "name"));
    assertThat(mountPaths(single.container())).containsEntry("/data", "data");
    assertThat(get(single.one("Deployment"), "spec", "replicas")).isEqualTo(1);
    assertThat(get(single.one("Deployment"), "spec", "strategy", "type")).as("one pod owns the volume at a time").isEqualTo("Recreate");
    assertThat(single.kinds()).doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor");
    assertThat(map(single.one("Ingress").get("spec"))).doesNotContainKey("tls");
    assertThat(single.env()).doesNotContainKey("PAVED_PLUGINS_GITEA_URL").doesNotContainKey("PAVED_GIT_GITOPS_REPO_URL");
  }

  @Test
  void theEmbeddedGitServerWithTwoReplicasIsRefusedNamingTheGitHost() {
    assertThatThrownBy(() -> render(INVALID.resolve("embedded-git-two-replicas-values.yaml")))
        .hasMessageContaining("the embedded Git server keeps repositories on one volume")
        .hasMessageContaining("git.gitea");
  }

  @Test
  void aPortalWithoutAnyGitHostIsRefusedNamingBothChoices() {
    assertThatThrownBy(() -> render(INVALID.resolve("no-git-host-values.yaml")))
        .hasMessageContaining("git.gitea.url").hasMessageContaining("git.embedded.enabled");
  }

  @Test
  void aMissingDatabaseHostIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> render(INVALID.resolve("missing-database-host-values.yaml")))
        .hasMessageContaining("database.host");
  }

  @Test
  void anArgoCdInstanceWithoutAnAddressIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> render(INVALID.resolve("argocd-instance-without-url-values.yaml")))
        .hasMessageContaining("argocd.instances[0].url");
  }

  @Test
  void theNotesWarnWhileExampleAddressesAreInUse() {
    String defaults = notes(null);
    assertThat(defaults).contains("https://paved.example.com")
        .contains("WARNING: these values still hold the chart's example.com addresses")
        .contains("url (https://paved.example.com)", "ingress.host (paved.example.com)", "oidc.issuerUri (");

    String production = notes(CHART.resolve("ci/production-values.yaml"));
    assertThat(production).contains("Open the portal at https://paved.acme.com").doesNotContain("example.com", "WARNING");
  }

  /** NOTES.txt as Helm prints it after an install; a client-only dry run needs no cluster. */
  private static String notes(Path values) {
    return helm(() -> {
      var install = new Helm(CHART).install().withName("paved").withNamespace("paved").withKubeVersion(KUBE_VERSION)
          .clientOnly().dryRun();
      String output = (values == null ? install : install.withValuesFile(values)).call().getOutput();
      return output.substring(output.indexOf("NOTES:"));
    });
  }

  // --- rendering ---

  static String render(Path values) {
    return helm(() -> template(t -> t.withValuesFile(values)));
  }

  private static String template(UnaryOperator<TemplateCommand> options) {
    return options.apply(new Helm(CHART).template().withName("paved").withNamespace("paved")
        .withKubeVersion(KUBE_VERSION)).call();
  }

  private interface HelmCall<T> {
    T call();
  }

  /**
   * Runs Helm, then gives the shutdown signals back to the JVM: Helm's Go runtime takes them over, and
   * the engine's JvmSignals (package-private) puts them back, as HelmCheck does after its Helm calls.
   */
  static <T> T helm(HelmCall<T> call) {
    try {
      return call.call();
    } finally {
      restoreJvmSignals();
    }
  }

  private static void restoreJvmSignals() {
    try {
      var restore = Class.forName("dev.paved.goldenpaths.engine.JvmSignals").getDeclaredMethod("restore");
      restore.setAccessible(true);
      restore.invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // without it only Ctrl-C on a test run is ignored; the rendering itself is unaffected
    }
  }

  /** Maven runs the tests in infra/, an IDE often in the repository root. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("infra/helm/paved/Chart.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/helm/paved/Chart.yaml above " + Path.of("").toAbsolutePath());
  }

  private static SkeletonRenderer.RenderedFile file(String name, String text) {
    return new SkeletonRenderer.RenderedFile("rendered/" + name, text.getBytes(StandardCharsets.UTF_8));
  }

  // --- reading the rendered manifests ---

  /** The rendered objects, parsed as YAML (never matched as text). */
  record Manifests(List<Map<String, Object>> objects) {
    static Manifests parse(String yaml) {
      Load load = new Load(LoadSettings.builder().setCodePointLimit(Math.max(yaml.length() * 2, 1024)).build());
      List<Map<String, Object>> objects = new ArrayList<>();
      for (Object document : load.loadAllFromString(yaml)) {
        if (document != null) {
          objects.add(map(document));
        }
      }
      return new Manifests(objects);
    }

    List<String> kinds() {
      return objects.stream().map(o -> String.valueOf(o.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
      List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
      assertThat(found).as("objects of kind %s", kind).hasSize(1);
      return found.getFirst();
    }

    Map<String, Object> podSpec() {
      return map(get(one("Deployment"), "spec", "template", "spec"));
    }

    Map<String, Object> container() {
      return map(list(podSpec(), "containers").getFirst());
    }

    Map<String, Map<String, Object>> env() {
      Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
      for (Object e : list(container(), "env")) {
        byName.put((String) map(e).get("name"), map(e));
      }
      return byName;
    }

    /** The application.yaml the ConfigMap gives the portal. */
    Map<String, Object> settings() {
      String text = (String) get(one("ConfigMap"), "data", "application.yaml");
      return map(new Load(LoadSettings.builder().build()).loadFromString(text));
    }
  }

  private static String secretRef(Map<String, Map<String, Object>> env, String name) {
    assertThat(env).containsKey(name);
    assertThat(env.get(name)).as(name + " has no literal value").doesNotContainKey("value");
    Map<String, Object> ref = map(get(env.get(name), "valueFrom", "secretKeyRef"));
    return ref.get("name") + "/" + ref.get("key");
  }

  private static Map<String, Object> secretSettings(Object node, String path) {
    Map<String, Object> found = new java.util.TreeMap<>();
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        String key = path.isEmpty() ? String.valueOf(k) : path + "." + k;
        if (String.valueOf(k).matches("(?i).*(password|secret|token|credential).*")) {
          found.put(key, v);
        } else {
          found.putAll(secretSettings(v, key));
        }
      });
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        found.putAll(secretSettings(l.get(i), path + "[" + i + "]"));
      }
    }
    return found;
  }

  private static Map<String, String> mountPaths(Map<String, Object> container) {
    Map<String, String> mounts = new java.util.HashMap<>();
    for (Object m : list(container, "volumeMounts")) {
      mounts.put((String) map(m).get("mountPath"), (String) map(m).get("name"));
    }
    return mounts;
  }

  private static Map<String, Object> volume(Map<String, Object> pod, String name) {
    return list(pod, "volumes").stream().map(HelmChartTest::map).filter(v -> name.equals(v.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  static Object get(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> node, String key) {
    assertThat(node.get(key)).as(key).isInstanceOf(List.class);
    return (List<Object>) node.get(key);
  }
}
