package dev.paved.plugin.argocd;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's description of the Argo CD API ({@code argocd-api.yaml}), used to check what crosses the
 * wire in tests: the request bodies the client sends and the answers the fake Argo CD gives must match the
 * operation's schemas. Checks are strict where the document is loose on purpose: an object may not carry
 * a property the document does not name, so neither side can drift from the document unnoticed.
 */
public final class ArgoCdApiContract {
  /** Where the document is on the plugin's class path. */
  public static final String DOCUMENT = "dev/paved/plugin/argocd/argocd-api.yaml";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ArgoCdApiContract INSTANCE = new ArgoCdApiContract();

  private final ObjectNode document;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  /** OpenAPI 3.0 schemas, validated against a root that is the whole document (its other parts are not schemas). */
  private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialect.builder(Dialects.getOpenApi30())
      .keywords(java.util.stream.Stream.of("openapi", "info", "servers", "security", "components", "tags",
          "externalDocs").map(NonValidationKeyword::new).toList())
      .build());

  /** An operation of the document, matched by method and path. */
  public record Operation(String method, String pathTemplate, String operationId, JsonNode node) {

    /** Whether the document marks its answer as an NDJSON stream. */
    public boolean streaming() {
      return "ndjson".equals(node.path("x-paved-stream").asString(""));
    }
  }

  private record Route(String method, Pattern pattern, Operation operation) {}

  private ArgoCdApiContract() {
    try (InputStream in = ArgoCdApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " is not on the class path");
      }
      Object yaml = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      document = (ObjectNode) JSON.valueToTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    closeObjects(document.path("components").path("schemas"));
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String regex = "^" + Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
          String method = op.getKey().toUpperCase();
          routes.add(new Route(method, Pattern.compile(regex),
              new Operation(method, path.getKey(), op.getValue().path("operationId").asString(), op.getValue())));
        }
      }
    }
  }

  /** The contract, read once. */
  public static ArgoCdApiContract get() {
    return INSTANCE;
  }

  /** The operation a request is for, if the document has it. */
  public Optional<Operation> operation(String method, String path) {
    for (Route route : routes) {
      Matcher m = route.pattern.matcher(path);
      if (route.method.equals(method) && m.matches()) {
        return Optional.of(route.operation);
      }
    }
    return Optional.empty();
  }

  /** Every operation the document describes. */
  public List<Operation> operations() {
    return routes.stream().map(Route::operation).toList();
  }

  /** The query parameter names the operation declares. */
  public List<String> queryParameters(Operation operation) {
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : operation.node().path("parameters")) {
      if ("query".equals(parameter.path("in").asString())) {
        names.add(parameter.path("name").asString());
      }
    }
    return names;
  }

  /** Problems of a request body against the operation's schema; empty when it fits. */
  public List<String> checkRequest(Operation operation, JsonNode body) {
    JsonNode schema = operation.node().path("requestBody").path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return body == null || body.isNull() || body.isMissingNode() ? List.of()
          : List.of(operation.operationId() + " takes no body");
    }
    if (body == null || body.isMissingNode()) {
      return List.of(operation.operationId() + " needs a body");
    }
    return check(schema, body, operation.operationId() + " request");
  }

  /** Problems of an answer (one line of a stream) against the operation's schema for that status. */
  public List<String> checkResponse(Operation operation, int status, JsonNode body) {
    JsonNode responses = operation.node().path("responses");
    JsonNode response = responses.path(String.valueOf(status));
    if (response.isMissingNode()) {
      if (status < 400) {
        return List.of(operation.operationId() + " does not answer " + status);
      }
      response = responses.path("default");
    }
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      return List.of(operation.operationId() + " " + status + " has no JSON schema");
    }
    return check(schema, body, operation.operationId() + " " + status);
  }

  /** Problems of a value against a named schema of the document. */
  public List<String> checkSchema(String name, JsonNode value) {
    return check(JSON.createObjectNode().put("$ref", "#/components/schemas/" + name), value, name);
  }

  private List<String> check(JsonNode schemaNode, JsonNode value, String what) {
    String ref = schemaNode.path("$ref").asString("");
    Schema schema = schemas.computeIfAbsent(ref.isEmpty() ? schemaNode.toString() : ref, key -> {
      ObjectNode root = document.deepCopy();
      root.remove("paths");
      root.setAll((ObjectNode) schemaNode);
      return registry.getSchema(root);
    });
    return schema.validate(value).stream().map(e -> what + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
  }

  /** Objects with named properties get additionalProperties: false unless they say otherwise. */
  private static void closeObjects(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.values().forEach(ArgoCdApiContract::closeObjects);
    } else if (node != null && node.isArray()) {
      node.values().forEach(ArgoCdApiContract::closeObjects);
    }
  }
}
