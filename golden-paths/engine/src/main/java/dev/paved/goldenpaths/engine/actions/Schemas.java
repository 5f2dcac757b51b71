package dev.paved.goldenpaths.engine.actions;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Input schemas of the built-in actions, written as JSON. */
final class Schemas {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Schemas() {}

  static Map<String, Object> parse(String json) {
    return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}
