package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * An API's definition made readable: for OpenAPI the title, version, servers and every operation; for
 * AsyncAPI the channels; the raw text for everything, below.
 */
final class ApiDefinitionPanel {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private ApiDefinitionPanel() {}

  /** An operation of an OpenAPI document. */
  record Operation(String method, String path, String summary, String operationId) {}

  static Component of(String type, Map<String, Object> body) {
    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setId("api-definition");
    Object definition = EntityView.map(body.get("spec")).get("definition");
    if (!(definition instanceof String text) || text.isBlank()) {
      layout.add(new Paragraph("This API has no definition."));
      return layout;
    }
    Map<String, Object> doc = parse(text);
    try {
      if (doc != null && (doc.containsKey("openapi") || doc.containsKey("swagger"))) {
        openApi(layout, doc);
      } else if (doc != null && doc.containsKey("asyncapi")) {
        asyncApi(layout, doc);
      }
    } catch (RuntimeException e) {
      // an unusual document shape: the raw text below still shows everything
      doc = null;
    }
    Pre raw = new Pre(text);
    raw.addClassName("paved-code");
    Details details = new Details("Definition source (" + (type == null ? "text" : type) + ")", raw);
    details.setOpened(doc == null);
    layout.add(details);
    return layout;
  }

  static List<Operation> operations(Map<String, Object> doc) {
    List<Operation> ops = new ArrayList<>();
    EntityView.map(doc.get("paths")).forEach((path, item) -> {
      Map<String, Object> methods = EntityView.map(item);
      for (String method : METHODS) {
        if (methods.get(method) instanceof Map<?, ?> op) {
          ops.add(new Operation(method.toUpperCase(Locale.ROOT), path, str(op.get("summary")), str(op.get("operationId"))));
        }
      }
    });
    return ops;
  }

  private static void openApi(VerticalLayout layout, Map<String, Object> doc) {
    Map<String, Object> info = EntityView.map(doc.get("info"));
    H3 title = new H3((info.get("title") == null ? "API" : str(info.get("title")))
        + (info.get("version") == null ? "" : " " + str(info.get("version"))));
    layout.add(title);
    if (info.get("description") != null) {
      layout.add(new Paragraph(str(info.get("description"))));
    }
    if (doc.get("servers") instanceof List<?> servers && !servers.isEmpty()) {
      Div list = new Div(new Span("Servers: "));
      for (Object s : servers) {
        list.add(new Span(str(EntityView.map(s).get("url")) + " "));
      }
      layout.add(list);
    }
    List<Operation> ops = operations(doc);
    Grid<Operation> grid = new Grid<>(Operation.class, false);
    grid.setId("api-operations");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.addComponentColumn(op -> {
      Span m = new Span(op.method());
      m.addClassName("paved-method");
      return m;
    }).setHeader("Method").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(Operation::path).setHeader("Path").setAutoWidth(true);
    grid.addColumn(Operation::summary).setHeader("Summary").setFlexGrow(2);
    grid.addColumn(Operation::operationId).setHeader("Operation id").setAutoWidth(true);
    grid.setItems(ops);
    grid.setAllRowsVisible(true);
    layout.add(grid);
  }

  private static void asyncApi(VerticalLayout layout, Map<String, Object> doc) {
    Map<String, Object> info = EntityView.map(doc.get("info"));
    layout.add(new H3(str(info.get("title")) + " " + str(info.get("version"))));
    Div channels = new Div();
    EntityView.map(doc.get("channels")).forEach((name, channel) -> {
      Map<String, Object> c = EntityView.map(channel);
      String ops = String.join(", ", c.keySet().stream().filter(k -> k.equals("publish") || k.equals("subscribe")).toList());
      channels.add(new Div(new Span(name), new Span(ops.isEmpty() ? "" : " (" + ops + ")")));
    });
    layout.add(new Paragraph("Channels"), channels);
  }

  /** Parses YAML or JSON safely; {@code null} when it is neither. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String text) {
    LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).setAllowRecursiveKeys(false)
        .setCodePointLimit(Math.max(text.length() * 2, 1024)).build();
    try {
      Object parsed = new Load(settings).loadFromString(text);
      return parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    } catch (YamlEngineException | ClassCastException e) {
      return null;
    }
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
