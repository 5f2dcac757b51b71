package dev.paved.portal.catalog.ui;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Renders an entity back to YAML for display. */
final class Yaml {
  private static final DumpSettings SETTINGS = DumpSettings.builder()
      .setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).setIndicatorIndent(0).setWidth(120).build();

  private Yaml() {}

  static String dump(Map<String, Object> tree) {
    return new Dump(SETTINGS).dumpToString(tree);
  }
}
