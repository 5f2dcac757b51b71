package dev.paved.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's Grafana dashboard, {@code infra/grafana/paved-dashboard.json}: it parses, every panel queries the
 * dashboard's own data source variable, the panels fit the grid without overlapping, and every query reads a meter
 * the portal exports, for the portal only. Each rule is a method answering its problems, so
 * {@link TheRulesThemselves} can show it catches what it is meant to.
 */
class GrafanaDashboardTest {

  private static final Path ROOT = repositoryRoot();
  private static final Path DASHBOARD = ROOT.resolve("infra/grafana/paved-dashboard.json");
  private static final Path SERVICE_MONITOR = ROOT.resolve("infra/helm/paved/templates/servicemonitor.yaml");
  private static final String DATASOURCE = "${datasource}";
  private static final int COLUMNS = 24;

  /**
   * What {@code /actuator/prometheus} serves, by metric name prefix. This mirrors the meters the portal registers:
   * {@code ScaffolderService} (paved.scaffolds, paved.scaffold.duration, paved.scaffolds.interrupted),
   * {@code CatalogMetrics} (paved.catalog.entities), {@code CatalogRefresher} (paved.catalog.refresh.duration),
   * {@code RequestMetrics} in plugins/argocd (paved.argocd.requests) and {@code JdbcClusterJobs}
   * (paved.jobs.duration), plus Spring Boot's HTTP server, JVM, process and HikariCP meters. A meter renamed or
   * added there belongs here too.
   */
  static final List<String> EXPORTED = List.of(
      "http_server_requests_seconds",
      "jvm_",
      "process_",
      "hikaricp_connections",
      "paved_scaffolds_total",
      "paved_scaffold_duration_seconds",
      "paved_scaffolds_interrupted_total",
      "paved_catalog_entities",
      "paved_catalog_refresh_duration_seconds",
      "paved_argocd_requests_seconds",
      "paved_jobs_duration_seconds");

  /** A label matcher, as PromQL writes it. */
  record Filter(String label, String operator, String value) {
    @Override
    public String toString() {
      return label + operator + "\"" + value + "\"";
    }
  }

  /** The filters every selector carries: the portal's series, in the namespace and pods the variables pick. */
  static final List<Filter> FILTERS = List.of(
      new Filter("application", "=", "paved"),
      new Filter("namespace", "=~", "$namespace"),
      new Filter("pod", "=~", "$pod"));

  /** Duplicate keys and anything after the dashboard are errors too, not silently the last value. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:$.])[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SELECTOR = Pattern.compile("(?<![\\w:$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
  private static final Pattern GROUPING =
      Pattern.compile("(?<![\\w:])(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(?:\\{([a-zA-Z_][a-zA-Z0-9_]*)(?::[a-zA-Z]+)?}|([a-zA-Z_][a-zA-Z0-9_]*))");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

  /** Maven runs the tests in infra/; an IDE may run them elsewhere in the repository. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("infra/grafana"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/grafana above " + Path.of("").toAbsolutePath());
  }

  /** The dashboard, parsed strictly: a syntax error or a repeated key fails here. */
  private static JsonNode dashboard() throws IOException {
    return JSON.readTree(Files.readString(DASHBOARD));
  }

  // the rules, on the dashboard --------------------------------------------------------------------------------------

  @Test
  void theDashboardIsValidJsonWithItsUidADatasourceVariableAndEveryPanelOnIt() throws IOException {
    JsonNode dashboard = dashboard();

    assertThat(text(dashboard.path("uid"))).isEqualTo("paved-portal");
    assertThat(dashboard.path("schemaVersion").asInt(0)).isEqualTo(39);
    assertThat(queryPanels(dashboard)).as("panels with queries").hasSizeGreaterThanOrEqualTo(20);
    assertThat(datasourceProblems(dashboard)).isEmpty();
  }

  @Test
  void panelIdsAreUniqueAndNoTwoPanelsOverlap() throws IOException {
    JsonNode dashboard = dashboard();

    assertThat(idProblems(dashboard)).isEmpty();
    assertThat(layoutProblems(dashboard)).isEmpty();
  }

  @Test
  void everyMetricAQueryUsesIsOneThePortalExportsAndEachOfThePortalsOwnMetersIsShown() throws IOException {
    JsonNode dashboard = dashboard();
    List<String> queries = new ArrayList<>(expressions(dashboard));
    queries.addAll(variableQueries(dashboard));

    assertThat(metricProblems(queries)).isEmpty();
    assertThat(unshownMeters(expressions(dashboard))).isEmpty();
  }

  @Test
  void everyQueryFiltersThePortalsApplicationAndTheChosenNamespaceAndPods() throws IOException {
    List<String> expressions = expressions(dashboard());

    assertThat(expressions).hasSizeGreaterThanOrEqualTo(20);
    assertThat(expressions).flatMap(GrafanaDashboardTest::filterProblems).isEmpty();
  }

  @Test
  void everyVariableAQueryUsesIsDefined() throws IOException {
    assertThat(variableProblems(dashboard())).isEmpty();
  }

  /**
   * The Argo CD meter's {@code instance} tag and the jobs meter's {@code job} tag clash with the labels Prometheus
   * gives every scraped series; unless the ServiceMonitor honours the scraped labels, Prometheus keeps the tags as
   * {@code exported_instance} and {@code exported_job}, and a query grouping by {@code instance} shows pods.
   */
  @Test
  void thePortalsJobAndInstanceTagsAreReadUnderTheNamesPrometheusGivesThem() throws IOException {
    boolean honoured = Files.readString(SERVICE_MONITOR).contains("honorLabels: true");

    assertThat(clashingLabelProblems(dashboard(), honoured)).isEmpty();
  }

  // the rules, each a method answering its problems ------------------------------------------------------------

  static List<String> datasourceProblems(JsonNode dashboard) {
    List<String> problems = new ArrayList<>();
    List<JsonNode> variables = variables(dashboard);
    if (variables.stream().noneMatch(v -> "datasource".equals(text(v.path("name")))
        && "datasource".equals(text(v.path("type"))) && "prometheus".equals(text(v.path("query"))))) {
      problems.add("no variable named datasource of type datasource with query prometheus");
    }
    for (JsonNode variable : variables) {
      if ("query".equals(text(variable.path("type"))) && !onDatasourceVariable(variable.path("datasource"))) {
        problems.add("variable " + text(variable.path("name")) + " does not query " + DATASOURCE);
      }
    }
    for (JsonNode panel : queryPanels(dashboard)) {
      if (!onDatasourceVariable(panel.path("datasource"))) {
        problems.add(title(panel) + ": datasource is " + panel.path("datasource") + ", not " + DATASOURCE);
      }
      if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
        problems.add(title(panel) + ": no queries");
      }
      for (JsonNode target : panel.path("targets")) {
        if (target.has("datasource") && !onDatasourceVariable(target.path("datasource"))) {
          problems.add(title(panel) + ", query " + text(target.path("refId")) + ": datasource is "
              + target.path("datasource"));
        }
      }
    }
    return problems;
  }

  private static boolean onDatasourceVariable(JsonNode datasource) {
    return "prometheus".equals(text(datasource.path("type"))) && DATASOURCE.equals(text(datasource.path("uid")));
  }

  static List<String> idProblems(JsonNode dashboard) {
    List<String> problems = new ArrayList<>();
    Map<Integer, String> seen = new HashMap<>();
    for (JsonNode panel : allPanels(dashboard)) {
      if (!panel.path("id").isInt()) {
        problems.add(title(panel) + ": no numeric id");
        continue;
      }
      String before = seen.putIfAbsent(panel.path("id").intValue(), title(panel));
      if (before != null) {
        problems.add("id " + panel.path("id").intValue() + " on both " + before + " and " + title(panel));
      }
    }
    return problems;
  }

  /**
   * The top-level panels (rows included) share the grid; a collapsed row's panels only share it among themselves,
   * since Grafana pushes what follows down when the row opens.
   */
  static List<String> layoutProblems(JsonNode dashboard) {
    List<String> problems = new ArrayList<>();
    List<List<JsonNode>> grids = new ArrayList<>();
    grids.add(list(dashboard.path("panels")));
    for (JsonNode panel : dashboard.path("panels")) {
      if (isRow(panel) && !panel.path("panels").isEmpty()) {
        if (panel.path("collapsed").asBoolean(false)) {
          grids.add(list(panel.path("panels")));
        } else {
          problems.add(title(panel) + ": an open row keeps its panels at the top level, not in its own panels");
        }
      }
    }
    for (List<JsonNode> grid : grids) {
      for (JsonNode panel : grid) {
        JsonNode pos = panel.path("gridPos");
        int x = pos.path("x").asInt(-1);
        int y = pos.path("y").asInt(-1);
        int w = pos.path("w").asInt(0);
        int h = pos.path("h").asInt(0);
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > COLUMNS) {
          problems.add(title(panel) + ": gridPos " + pos + " is not within " + COLUMNS + " columns");
        }
      }
      for (int i = 0; i < grid.size(); i++) {
        for (int j = i + 1; j < grid.size(); j++) {
          if (overlap(grid.get(i).path("gridPos"), grid.get(j).path("gridPos"))) {
            problems.add(title(grid.get(i)) + " and " + title(grid.get(j)) + " overlap");
          }
        }
      }
    }
    return problems;
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    int ax = a.path("x").asInt(0);
    int ay = a.path("y").asInt(0);
    int bx = b.path("x").asInt(0);
    int by = b.path("y").asInt(0);
    return ax < bx + b.path("w").asInt(0) && bx < ax + a.path("w").asInt(0)
        && ay < by + b.path("h").asInt(0) && by < ay + a.path("h").asInt(0);
  }

  static List<String> metricProblems(List<String> queries) {
    List<String> problems = new ArrayList<>();
    for (String query : queries) {
      for (String metric : metrics(query)) {
        if (EXPORTED.stream().noneMatch(metric::startsWith)) {
          problems.add(metric + " (in " + query + ") is not a metric the portal exports");
        }
      }
    }
    return problems;
  }

  /** The portal's own meters (the paved_ prefixes) that no query reads. */
  static List<String> unshownMeters(List<String> expressions) {
    Set<String> used = new LinkedHashSet<>();
    expressions.forEach(e -> used.addAll(metrics(e)));
    return EXPORTED.stream().filter(p -> p.startsWith("paved_"))
        .filter(p -> used.stream().noneMatch(m -> m.startsWith(p))).toList();
  }

  /** Each selector without one of {@link #FILTERS}, and each metric read with no selector at all. */
  static List<String> filterProblems(String expression) {
    List<String> problems = new ArrayList<>();
    for (Selector selector : selectors(expression)) {
      Set<Filter> matchers = new HashSet<>();
      Matcher m = MATCHER.matcher(selector.matchers());
      while (m.find()) {
        matchers.add(new Filter(m.group(1), m.group(2), m.group(3)));
      }
      for (Filter filter : FILTERS) {
        if (!matchers.contains(filter)) {
          problems.add(selector.metric() + " (in " + expression + ") lacks " + filter);
        }
      }
    }
    for (String bare : bareMetrics(maskStrings(expression))) {
      problems.add(bare + " (in " + expression + ") is read without a label filter");
    }
    return problems;
  }

  static List<String> variableProblems(JsonNode dashboard) {
    Set<String> defined = new LinkedHashSet<>();
    variables(dashboard).forEach(v -> defined.add(text(v.path("name"))));
    List<String> texts = new ArrayList<>(expressions(dashboard));
    texts.addAll(variableQueries(dashboard));
    List<String> problems = new ArrayList<>();
    for (String text : texts) {
      Matcher m = VARIABLE.matcher(text);
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        if (!name.startsWith("__") && !defined.contains(name)) {
          problems.add("$" + name + " (in " + text + ") is not a variable of the dashboard");
        }
      }
    }
    return problems;
  }

  static List<String> clashingLabelProblems(JsonNode dashboard, boolean honoured) {
    String label = honoured ? "exported_(instance|job)" : "(instance|job)";
    Pattern inQuery = Pattern.compile("(?<![\\w:])" + label + "(?![\\w:])");
    Pattern inLegend = Pattern.compile("\\{\\{\\s*" + label + "\\s*}}");
    String instead = honoured ? "the ServiceMonitor honours labels: use instance and job"
        : "Prometheus keeps the tag as exported_instance or exported_job";
    List<String> problems = new ArrayList<>();
    for (JsonNode panel : queryPanels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        String expr = text(target.path("expr"));
        String legend = text(target.path("legendFormat"));
        if (expr != null && inQuery.matcher(maskStrings(expr)).find()) {
          problems.add(title(panel) + ": " + expr + " (" + instead + ")");
        }
        if (legend != null && inLegend.matcher(legend).find()) {
          problems.add(title(panel) + ": legend " + legend + " (" + instead + ")");
        }
      }
    }
    return problems;
  }

  // reading the dashboard and PromQL -----------------------------------------------------------------------------

  /** Every panel, rows included, and the panels kept inside collapsed rows. */
  static List<JsonNode> allPanels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      if (isRow(panel)) {
        panel.path("panels").forEach(panels::add);
      }
    }
    return panels;
  }

  /** Every panel that is not a row: the ones that query. */
  static List<JsonNode> queryPanels(JsonNode dashboard) {
    return allPanels(dashboard).stream().filter(p -> !isRow(p)).toList();
  }

  static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : queryPanels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        expressions.add(text(target.path("expr")) == null ? "" : text(target.path("expr")));
      }
    }
    return expressions;
  }

  static List<JsonNode> variables(JsonNode dashboard) {
    return list(dashboard.path("templating").path("list"));
  }

  /** The PromQL of the query variables, whether stored as a string or as Grafana 10's object. */
  static List<String> variableQueries(JsonNode dashboard) {
    List<String> queries = new ArrayList<>();
    for (JsonNode variable : variables(dashboard)) {
      if ("query".equals(text(variable.path("type")))) {
        JsonNode query = variable.path("query");
        String promql = query.isObject() ? text(query.path("query")) : text(query);
        queries.add(promql == null ? "" : promql);
      }
    }
    return queries;
  }

  /**
   * The metric names a query reads: each {@code name{...}} selector's name, and any name read bare. In
   * {@code label_values(metric, label)} only the first argument is PromQL.
   */
  static List<String> metrics(String query) {
    Matcher labelValues = LABEL_VALUES.matcher(query.strip());
    String expression = labelValues.matches() ? labelValues.group(1) : query;
    List<String> metrics = new ArrayList<>(selectors(expression).stream().map(Selector::metric).toList());
    metrics.addAll(bareMetrics(maskStrings(expression)));
    return metrics;
  }

  /** A {@code metric{matchers}} selector: the metric's name and the text between the braces. */
  record Selector(String metric, String matchers, int start, int end) {}

  /** The selectors of an expression, found with its strings blanked so braces inside label values do not count. */
  static List<Selector> selectors(String expression) {
    String masked = maskStrings(expression);
    List<Selector> selectors = new ArrayList<>();
    Matcher selector = SELECTOR.matcher(masked);
    int from = 0;
    while (selector.find(from)) {
      int close = masked.indexOf('}', selector.end());
      if (close < 0) {
        throw new IllegalArgumentException("unclosed selector " + selector.group(1) + " in " + expression);
      }
      selectors.add(new Selector(selector.group(1), expression.substring(selector.end(), close), selector.start(),
          close + 1));
      from = close + 1;
    }
    return selectors;
  }

  /**
   * Names neither followed by a selector nor called as functions, once strings, selectors, ranges and groupings
   * are taken out: metrics read without any filter.
   */
  private static List<String> bareMetrics(String masked) {
    StringBuilder blanked = new StringBuilder(masked);
    for (Selector selector : selectors(masked)) {
      blanked.replace(selector.start(), selector.end(), " ".repeat(selector.end() - selector.start()));
    }
    String rest = blanked.toString().replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    List<String> bare = new ArrayList<>();
    Matcher m = IDENTIFIER.matcher(rest);
    while (m.find()) {
      String name = m.group();
      boolean call = rest.substring(m.end()).stripLeading().startsWith("(");
      if (!call && !KEYWORDS.contains(name.toLowerCase())) {
        bare.add(name);
      }
    }
    return bare;
  }

  /** The expression with every string literal's content blanked (same length), so braces in strings do not count. */
  static String maskStrings(String expression) {
    StringBuilder masked = new StringBuilder(expression.length());
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote == 0) {
        masked.append(c);
        if (c == '"' || c == '\'' || c == '`') {
          quote = c;
        }
      } else if (c == '\\' && quote != '`' && i + 1 < expression.length()) {
        masked.append("  ");
        i++;
      } else if (c == quote) {
        masked.append(c);
        quote = 0;
      } else {
        masked.append(' ');
      }
    }
    return masked.toString();
  }

  private static boolean isRow(JsonNode panel) {
    return "row".equals(text(panel.path("type")));
  }

  private static String title(JsonNode panel) {
    return "\"" + text(panel.path("title")) + "\"";
  }

  private static String text(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> nodes = new ArrayList<>();
    array.forEach(nodes::add);
    return nodes;
  }

  // the rules, on small dashboards ------------------------------------------------------------------------------------

  /** Each rule reports what it exists to catch, and lets through what it must not flag. */
  @Nested
  class TheRulesThemselves {

    private JsonNode parse(String json) {
      return JSON.readTree(json);
    }

    private static final String VARIABLES = """
        "templating": {"list": [
          {"name": "datasource", "type": "datasource", "query": "prometheus"},
          {"name": "namespace", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
           "query": {"query": "label_values(paved_jobs_duration_seconds_count, namespace)"}},
          {"name": "pod", "type": "query", "datasource": {"type": "prometheus", "uid": "${datasource}"},
           "query": "label_values(jvm_memory_used_bytes{namespace=~\\"$namespace\\"}, pod)"}
        ]}""";

    private static final String ON_VARIABLE = "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"}";

    @Test
    void aPanelOnAnotherDataSourceIsReportedEvenInsideACollapsedRow() {
      JsonNode dashboard = parse("""
          {%s, "panels": [
            {"id": 1, "type": "timeseries", "title": "fine", %s, "targets": [{"expr": "up"}]},
            {"id": 2, "type": "row", "title": "row", "collapsed": true, "panels": [
              {"id": 3, "type": "timeseries", "title": "pinned", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
               "targets": [{"expr": "up"}]},
              {"id": 4, "type": "stat", "title": "empty", %s, "targets": []}
            ]}
          ]}""".formatted(VARIABLES, ON_VARIABLE, ON_VARIABLE));

      assertThat(datasourceProblems(dashboard)).containsExactly(
          "\"pinned\": datasource is {\"type\":\"prometheus\",\"uid\":\"P1809F7CD0C75ACF3\"}, not ${datasource}",
          "\"empty\": no queries");
    }

    @Test
    void aDashboardWithoutTheDatasourceVariableIsReported() {
      JsonNode dashboard = parse("""
          {"templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"},
            {"name": "pod", "type": "query", "datasource": {"type": "prometheus", "uid": "${ds}"}, "query": "x"}]},
           "panels": []}""");

      assertThat(datasourceProblems(dashboard)).containsExactly(
          "no variable named datasource of type datasource with query prometheus",
          "variable pod does not query ${datasource}");
    }

    @Test
    void invalidJsonAndRepeatedKeysDoNotParse() {
      assertThatThrownBy(() -> parse("{\"uid\": \"a\", \"uid\": \"b\"}"))
          .hasMessageContaining("uid");
      assertThatThrownBy(() -> parse("{\"uid\": \"a\",}"));
      assertThatThrownBy(() -> parse("{\"uid\": \"a\"} {}"));
    }

    @Test
    void repeatedIdsOverlapsAndPanelsOffTheGridAreReportedButACollapsedRowsPanelsOnlyMeetEachOther() {
      JsonNode dashboard = parse("""
          {"panels": [
            {"id": 1, "type": "row", "title": "top", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}},
            {"id": 2, "type": "timeseries", "title": "left", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 8}},
            {"id": 3, "type": "timeseries", "title": "right", "gridPos": {"x": 11, "y": 8, "w": 13, "h": 8}},
            {"id": 4, "type": "timeseries", "title": "wide", "gridPos": {"x": 12, "y": 1, "w": 13, "h": 8}},
            {"id": 5, "type": "row", "title": "closed", "collapsed": true, "gridPos": {"x": 0, "y": 16, "w": 24, "h": 1},
             "panels": [
               {"id": 6, "type": "timeseries", "title": "a", "gridPos": {"x": 0, "y": 17, "w": 12, "h": 8}},
               {"id": 2, "type": "timeseries", "title": "b", "gridPos": {"x": 12, "y": 17, "w": 12, "h": 8}}
             ]},
            {"id": 7, "type": "timeseries", "title": "below", "gridPos": {"x": 0, "y": 17, "w": 24, "h": 8}}
          ]}""");

      assertThat(idProblems(dashboard)).containsExactly("id 2 on both \"left\" and \"b\"");
      assertThat(layoutProblems(dashboard)).containsExactly(
          "\"wide\": gridPos {\"x\":12,\"y\":1,\"w\":13,\"h\":8} is not within 24 columns",
          "\"left\" and \"right\" overlap",
          "\"right\" and \"wide\" overlap");
    }

    @Test
    void panelsSideBySideOrStackedDoNotOverlap() {
      JsonNode dashboard = parse("""
          {"panels": [
            {"id": 1, "type": "stat", "title": "a", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}},
            {"id": 2, "type": "stat", "title": "b", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 4}},
            {"id": 3, "type": "stat", "title": "c", "gridPos": {"x": 0, "y": 4, "w": 24, "h": 4}}
          ]}""");

      assertThat(idProblems(dashboard)).isEmpty();
      assertThat(layoutProblems(dashboard)).isEmpty();
    }

    @Test
    void metricNamesComeFromSelectorsAndBareNamesNotFromLabelsFunctionsGroupingsOrStrings() {
      assertThat(metrics("histogram_quantile(0.95, sum by (le, pod) (rate(a_b_bucket{x=\"y\", z=~\"c{2}\"}[5m])))"))
          .containsExactly("a_b_bucket");
      assertThat(metrics(
          "(sum(rate(c_total[1m])) by (pod) or vector(0)) / on (pod) group_left (k) d{k!=\"v\"} offset 5m"))
          .containsExactly("d", "c_total");
      assertThat(metrics("1e3 * count(count by (pod) (up{job=\"x\"} > bool 0))")).containsExactly("up");
      assertThat(metrics("label_values(paved_jobs_duration_seconds_count, namespace)"))
          .containsExactly("paved_jobs_duration_seconds_count");
      assertThat(metrics("label_values(jvm_info{namespace=~\"$namespace\"}, pod)")).containsExactly("jvm_info");
    }

    @Test
    void aMetricThePortalDoesNotExportIsReportedAndAnUnshownMeterIsNamed() {
      assertThat(metricProblems(List.of("sum(rate(paved_scaffolds_total{a=\"b\"}[1h])) / up{a=\"b\"}",
          "label_values(kube_pod_info, pod)")))
          .containsExactly(
              "up (in sum(rate(paved_scaffolds_total{a=\"b\"}[1h])) / up{a=\"b\"}) is not a metric the portal exports",
              "kube_pod_info (in label_values(kube_pod_info, pod)) is not a metric the portal exports");
      assertThat(unshownMeters(List.of("paved_scaffolds_total{}", "paved_scaffold_duration_seconds_bucket{}",
          "paved_catalog_entities{}", "paved_catalog_refresh_duration_seconds_count{}",
          "paved_argocd_requests_seconds_bucket{}", "paved_jobs_duration_seconds_max{}")))
          .containsExactly("paved_scaffolds_interrupted_total");
    }

    @Test
    void aSelectorMissingAFilterAndABareMetricAreReported() {
      String filtered = "application=\"paved\", namespace=~\"$namespace\", pod=~\"$pod\"";

      assertThat(filterProblems("sum(rate(jvm_gc_pause_seconds_sum{" + filtered + ", uri!~\"/a{1}\"}[5m]))")).isEmpty();
      assertThat(filterProblems(
          "jvm_threads_live_threads{application=~\"paved\", namespace=~\"$namespace\", pod=~\"$pod\"}"))
          .containsExactly("jvm_threads_live_threads (in jvm_threads_live_threads{application=~\"paved\", "
              + "namespace=~\"$namespace\", pod=~\"$pod\"}) lacks application=\"paved\"");
      assertThat(filterProblems("a{application=\"paved\", pod=~\"$pod\"} / b{" + filtered + "}"))
          .containsExactly(
              "a (in a{application=\"paved\", pod=~\"$pod\"} / b{" + filtered + "}) lacks namespace=~\"$namespace\"");
      assertThat(filterProblems("sum(rate(process_cpu_usage[5m]))"))
          .containsExactly("process_cpu_usage (in sum(rate(process_cpu_usage[5m]))) is read without a label filter");
    }

    @Test
    void anUndefinedVariableIsReported() {
      JsonNode dashboard = parse("""
          {%s, "panels": [{"type": "timeseries", "title": "t",
            "targets": [{"expr": "rate(x{pod=~\\"$pod\\", c=\\"${cluster}\\"}[$__rate_interval])"}]}]}""".formatted(VARIABLES));

      assertThat(variableProblems(dashboard)).containsExactly(
          "$cluster (in rate(x{pod=~\"$pod\", c=\"${cluster}\"}[$__rate_interval])) is not a variable of the dashboard");
    }

    @Test
    void theInstanceAndJobLabelsAreReportedUnlessTheScrapeHonoursThem() {
      JsonNode dashboard = parse("""
          {"panels": [{"type": "timeseries", "title": "t", "targets": [
            {"expr": "sum by (job) (x{a=\\"job\\"})", "legendFormat": "{{job}}"},
            {"expr": "sum by (exported_instance) (paved_jobs_duration_seconds_count{})", "legendFormat": "{{exported_instance}}"}
          ]}]}""");

      assertThat(clashingLabelProblems(dashboard, false)).hasSize(2)
          .allMatch(p -> p.contains("exported_instance or exported_job"));
      assertThat(clashingLabelProblems(dashboard, true)).hasSize(2).allMatch(p -> p.contains("use instance and job"));
    }
  }
}
