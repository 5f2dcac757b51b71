package dev.paved.plugin.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paved.plugin.argocd.client.api.ApplicationServiceApi;
import dev.paved.plugin.argocd.client.api.ApplicationSetServiceApi;
import dev.paved.plugin.argocd.client.api.ProjectServiceApi;
import dev.paved.plugin.argocd.client.api.SessionServiceApi;
import dev.paved.plugin.argocd.client.model.V1alpha1Application;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ArgoCdApiContractTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ArgoCdApiContract contract = ArgoCdApiContract.get();

  @Test
  void theGeneratedClientHasAMethodForEveryOperationOfTheDocument() {
    Set<String> methods = Stream.of(ApplicationServiceApi.class, ApplicationSetServiceApi.class, ProjectServiceApi.class,
        SessionServiceApi.class).flatMap(c -> Arrays.stream(c.getMethods())).map(Method::getName).collect(Collectors.toSet());

    assertThat(contract.operations()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(op -> {
      String id = op.operationId(); // ApplicationService_List -> applicationServiceList
      String method = Character.toLowerCase(id.charAt(0)) + id.substring(1).replace("_", "");
      assertThat(methods).as(id).contains(method);
    });
    assertThat(contract.operations()).filteredOn(ArgoCdApiContract.Operation::streaming)
        .extracting(ArgoCdApiContract.Operation::operationId)
        .contains("ApplicationService_Watch", "ApplicationService_PodLogs2");
  }

  @Test
  void helmValuesSurviveTheGeneratedModelUntouched() {
    String manifest = """
        {"metadata": {"name": "payments-dev"},
         "spec": {"project": "default", "destination": {"namespace": "payments-dev"},
                  "source": {"repoURL": "https://git.acme.example/payments.git", "path": "chart",
                             "helm": {"valuesObject": {"replicaCount": 3, "image": {"digest": "sha256:abc"},
                                                       "env": [{"name": "A", "value": "1"}]}}}}}""";

    V1alpha1Application app = ArgoCdClient.JSON.readValue(manifest, V1alpha1Application.class);
    JsonNode back = ArgoCdClient.JSON.valueToTree(app);

    assertThat(back.path("spec").path("source").path("helm").path("valuesObject"))
        .isEqualTo(JSON.readTree(manifest).path("spec").path("source").path("helm").path("valuesObject"));
    assertThat(contract.checkSchema("v1alpha1Application", back)).isEmpty();
  }

  @Test
  void theContractCatchesAnswersThatDriftFromTheDocument() {
    ObjectNode app = FakeArgoCd.application("payments-dev", "payments", "dev", "default");
    assertThat(contract.checkSchema("v1alpha1Application", app)).isEmpty();

    app.withObject("/spec").put("project", 7);
    app.withObject("/status").put("madeUp", true);
    app.withObject("/status").putArray("history").addObject().put("id", "zero");

    assertThat(contract.checkSchema("v1alpha1Application", app)).hasSize(3)
        .anyMatch(p -> p.contains("/spec/project")).anyMatch(p -> p.contains("madeUp"))
        .anyMatch(p -> p.contains("/status/history/0/id"));
  }

  @Test
  void theFakeRefusesARequestBodyOutsideTheDocument() throws Exception {
    try (FakeArgoCd argo = new FakeArgoCd()) {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(argo.url() + "/api/v1/applications/x/sync"))
          .header("Authorization", "Bearer " + FakeArgoCd.TOKEN).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"prune\": \"yes\", \"force\": true}")).build();
      var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(argo.violations()).anyMatch(v -> v.contains("prune")).anyMatch(v -> v.contains("force"));
    }
  }

  /**
   * The document is written from Argo CD's published reference; where a copy of the reference is at hand
   * (the team's shared folder next to the clone), every operation, query parameter and schema property of the
   * document must exist there. The build itself never needs the reference.
   */
  @Test
  void everythingTheDocumentDescribesExistsInArgoCdsPublishedReference() {
    Path reference = Stream.of(Path.of("../../../shared/reference/argocd-swagger-v3.5.1.json"),
        Path.of("../shared/reference/argocd-swagger-v3.5.1.json")).filter(Files::isRegularFile).findFirst().orElse(null);
    assumeTrue(reference != null, "Argo CD's reference document is not next to this clone");
    JsonNode published = JSON.readTree(reference.toFile());
    List<String> missing = new ArrayList<>();
    for (ArgoCdApiContract.Operation op : contract.operations()) {
      String path = op.operationId().equals("ApplicationService_Update")
          ? "/api/v1/applications/{application.metadata.name}" : op.pathTemplate();
      JsonNode theirs = published.path("paths").path(path).path(op.method().toLowerCase());
      if (!op.operationId().equals(theirs.path("operationId").asString())) {
        missing.add(op.method() + " " + path + " " + op.operationId());
        continue;
      }
      Set<String> parameters = new java.util.HashSet<>();
      theirs.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
      contract.queryParameters(op).stream().filter(p -> !parameters.contains(p))
          .forEach(p -> missing.add(op.operationId() + " ?" + p));
    }
    JsonNode ours = documentSchemas();
    for (Map.Entry<String, JsonNode> schema : ours.properties()) {
      if (schema.getKey().startsWith("StreamResultOf")) {
        continue;
      }
      JsonNode definition = published.path("definitions").path(schema.getKey());
      if (definition.isMissingNode()) {
        missing.add("schema " + schema.getKey());
        continue;
      }
      Set<String> properties = new java.util.HashSet<>();
      definition.path("properties").propertyNames().forEach(properties::add);
      definition.path("allOf").forEach(part -> part.path("properties").propertyNames().forEach(properties::add));
      if (definition.path("allOf").size() > 0) {
        for (JsonNode part : definition.path("allOf")) {
          String ref = part.path("$ref").asString("");
          if (!ref.isEmpty()) {
            published.path("definitions").path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties")
                .propertyNames().forEach(properties::add);
          }
        }
      }
      schema.getValue().path("properties").propertyNames().stream().filter(p -> !properties.contains(p))
          .forEach(p -> missing.add(schema.getKey() + "." + p));
    }
    assertThat(missing).as("described in the project's document but not in Argo CD's reference").isEmpty();
  }

  private static JsonNode documentSchemas() {
    try (var in = ArgoCdApiContractTest.class.getClassLoader().getResourceAsStream(ArgoCdApiContract.DOCUMENT)) {
      Object yaml = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
          .loadFromInputStream(in);
      return JSON.valueToTree(yaml).path("components").path("schemas");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
