package dev.paved.goldenpaths.engine;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON Schema helpers shared by answer and action-input validation. */
final class JsonSchemas {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private JsonSchemas() {}

  static Schema compile(Map<String, ?> schema) {
    return REGISTRY.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON);
  }

  /** Each problem as "field: message". */
  static List<String> problems(Schema schema, Object value) {
    return schema.validate(JSON.valueToTree(value)).stream().map(JsonSchemas::describe).toList();
  }

  private static String describe(Error e) {
    String at = e.getInstanceLocation().toString();
    String property = "required".equals(e.getKeyword()) && e.getProperty() != null ? e.getProperty() : null;
    String message = e.getMessage().replaceFirst("^\\$[^:]*: ", "");
    return (property != null ? property + " is required" : (at.equals("$") || at.isEmpty() ? "" : at + ": ") + message);
  }
}
