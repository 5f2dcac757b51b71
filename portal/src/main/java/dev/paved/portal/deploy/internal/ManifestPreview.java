package dev.paved.portal.deploy.internal;

import dev.paved.goldenpaths.engine.HelmCheck;
import dev.paved.goldenpaths.engine.SkeletonRenderer.RenderedFile;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.git.GitHostException;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogFiles;
import dev.paved.portal.git.GitOps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.stereotype.Service;

/**
 * What Argo CD would deploy for a service, worked out without Argo CD: each environment's Application in the
 * GitOps repository names the chart (a folder of the service's repository) and the values files (in the GitOps
 * repository); Helm renders the chart with them, as Argo CD would.
 */
@Service
public class ManifestPreview {
  private static final int MAX_FILES = 2_000;
  private static final long MAX_BYTES = 20L * 1024 * 1024;

  private final GitOps gitops;
  private final CatalogFiles catalogFiles;

  ManifestPreview(GitOps gitops, CatalogFiles catalogFiles) {
    this.gitops = gitops;
    this.catalogFiles = catalogFiles;
  }

  /**
   * One environment's manifests, or why they could not be rendered.
   *
   * @param environment the environment's folder name
   * @param application the Argo CD application's name
   * @param manifests the rendered YAML, empty when it failed
   * @param problem what went wrong, empty when it rendered
   */
  public record Environment(String environment, String application, String manifests, String problem) {}

  /**
   * Renders every environment of a service.
   *
   * @param entity the service's catalog entity, whose repository holds the chart
   * @param service the service's folder in the GitOps repository
   * @throws IllegalStateException with a message for the user when there is nothing to render
   */
  public List<Environment> render(EntityRef entity, String service) {
    Map<String, byte[]> config;
    try {
      config = gitops.read(null, service);
    } catch (GitHostException e) {
      throw new IllegalStateException("The GitOps repository could not be read: " + e.getMessage());
    }
    Map<String, Map<String, Object>> applications = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : config.entrySet()) {
      String[] parts = file.getKey().split("/");
      if (parts.length == 3 && parts[2].equals("application.yaml")) {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(new String(file.getValue(), StandardCharsets.UTF_8));
        if (doc instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> app = (Map<String, Object>) map;
          applications.put(parts[1], app);
        }
      }
    }
    if (applications.isEmpty()) {
      throw new IllegalStateException("The GitOps repository " + gitops.cloneUrl() + " has no " + service
          + "/<environment>/application.yaml, so there is nothing Argo CD would deploy for " + service + ".");
    }
    CatalogFiles.Folder repository;
    try {
      repository = catalogFiles.folderOf(entity, MAX_FILES, MAX_BYTES);
    } catch (CatalogException e) {
      throw new IllegalStateException("The service's repository could not be read: " + e.getMessage());
    }
    List<Environment> environments = new ArrayList<>();
    applications.forEach((environment, app) -> environments.add(render(environment, app, config, repository)));
    return environments;
  }

  private Environment render(String environment, Map<String, Object> app, Map<String, byte[]> config,
      CatalogFiles.Folder repository) {
    String name = String.valueOf(((Map<?, ?>) app.getOrDefault("metadata", Map.of())).get("name"));
    Map<?, ?> spec = (Map<?, ?>) app.getOrDefault("spec", Map.of());
    List<?> sources = spec.get("sources") instanceof List<?> l ? l : spec.get("source") != null ? List.of(spec.get("source")) : List.of();
    Map<?, ?> chartSource = null;
    String gitopsRef = null;
    for (Object s : sources) {
      Map<?, ?> source = (Map<?, ?>) s;
      if (source.get("ref") != null) {
        gitopsRef = String.valueOf(source.get("ref"));
      } else if (source.get("path") != null && chartSource == null) {
        chartSource = source;
      }
    }
    if (chartSource == null) {
      return new Environment(environment, name, "", "its application names no chart folder");
    }
    String chart = String.valueOf(chartSource.get("path")).replaceAll("^\\./", "").replaceAll("/+$", "");
    List<RenderedFile> files = new ArrayList<>();
    repository.files().forEach((path, content) -> {
      if (path.startsWith(chart + "/")) {
        files.add(new RenderedFile(path, content));
      }
    });
    if (files.isEmpty()) {
      return new Environment(environment, name, "", "the service's repository has no " + chart + "/ folder");
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    Object helm = chartSource.get("helm");
    List<?> valueFiles = helm instanceof Map<?, ?> h && h.get("valueFiles") instanceof List<?> v ? v : List.of();
    for (Object file : valueFiles) {
      String path = String.valueOf(file);
      String prefix = gitopsRef == null ? null : "$" + gitopsRef + "/";
      if (prefix != null && path.startsWith(prefix)) {
        byte[] content = config.get(path.substring(prefix.length()));
        if (content == null) {
          return new Environment(environment, name, "", path + " is not in the GitOps repository");
        }
        String local = ".paved-values/" + values.size() + ".yaml";
        files.add(new RenderedFile(local, content));
        values.put(local, local);
      }
    }
    if (values.size() > 1) {
      return new Environment(environment, name, "", "its application takes " + values.size()
          + " values files; the preview renders one");
    }
    String valuesFile = values.isEmpty() ? null : values.keySet().iterator().next();
    if (valuesFile == null) {
      files.add(new RenderedFile(".paved-values/none.yaml", new byte[0]));
      valuesFile = ".paved-values/none.yaml";
    }
    HelmCheck.Report report = HelmCheck.check(files, chart, Map.of(environment, valuesFile));
    String error = report.errors().get(environment);
    return error != null ? new Environment(environment, name, "", "Helm could not render the chart: " + error)
        : new Environment(environment, name, report.manifests().getOrDefault(environment, ""), "");
  }
}
