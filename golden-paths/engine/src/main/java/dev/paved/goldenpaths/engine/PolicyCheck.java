package dev.paved.goldenpaths.engine;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The rules every workload a golden path produces must follow: each container has resource requests
 * and limits, liveness and readiness probes, runs as non-root without privilege escalation, uses a
 * pinned image (no {@code :latest}, no untagged image), and no pod uses host namespaces; a Dockerfile
 * ends as a non-root user. Violations carry file and line.
 */
public final class PolicyCheck {
  private static final List<String> WORKLOADS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicaSet");
  private static final Pattern USER = Pattern.compile("^\\s*USER\\s+(\\S+)", Pattern.CASE_INSENSITIVE);

  private PolicyCheck() {}

  /**
   * A rule broken.
   *
   * @param file the rendered file
   * @param line the line the offending object or instruction starts on
   * @param rule a short rule id, such as {@code resources}
   * @param message what is wrong, naming the workload and container
   */
  public record Violation(String file, int line, String rule, String message) {
    @Override
    public String toString() {
      return file + ":" + line + " [" + rule + "] " + message;
    }
  }

  /** Checks every Kubernetes manifest ({@code .yaml}/{@code .yml}) and Dockerfile among the files. */
  public static List<Violation> check(List<SkeletonRenderer.RenderedFile> files) {
    List<Violation> found = new ArrayList<>();
    for (SkeletonRenderer.RenderedFile f : files) {
      String name = f.path().substring(f.path().lastIndexOf('/') + 1);
      if (name.equals("Dockerfile") || name.endsWith(".Dockerfile")) {
        checkDockerfile(f.path(), f.text(), found);
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        checkManifests(f.path(), f.text(), found);
      }
    }
    return found;
  }

  static void checkDockerfile(String file, String text, List<Violation> found) {
    String[] lines = text.split("\n", -1);
    String user = null;
    int userLine = 0;
    int lastFrom = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].trim().toUpperCase(Locale.ROOT).startsWith("FROM ")) {
        lastFrom = i + 1;
        user = null; // each stage starts as root again
        String image = lines[i].trim().split("\\s+")[1];
        if (!image.contains("@sha256:") && (image.endsWith(":latest") || (!image.contains(":") && !image.equals("scratch")))) {
          found.add(new Violation(file, i + 1, "pinned-image", "base image " + image + " is not pinned to a version"));
        }
      }
      var m = USER.matcher(lines[i]);
      if (m.find()) {
        user = m.group(1);
        userLine = i + 1;
      }
    }
    if (lastFrom > 0 && (user == null || user.equals("root") || user.equals("0") || user.startsWith("0:"))) {
      found.add(new Violation(file, user == null ? lastFrom : userLine, "non-root",
          "the final stage runs as root; end it with USER and a non-root user"));
    }
  }

  static void checkManifests(String file, String text, List<Violation> found) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(20)
        .setCodePointLimit(Math.max(text.length() + 16, 1024)).build();
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, new StringReader(text))));
      while (composer.hasNext()) {
        Node doc = composer.next();
        if (doc instanceof MappingNode m) {
          checkObject(file, m, found);
        }
      }
    } catch (YamlEngineException e) {
      // not YAML a cluster would accept either; helm:lint reports it with its own message
    }
  }

  private static void checkObject(String file, MappingNode object, List<Violation> found) {
    String kind = scalar(get(object, "kind")).orElse("");
    if (!WORKLOADS.contains(kind)) {
      return;
    }
    String name = get(object, "metadata").flatMap(m -> get(m, "name")).flatMap(PolicyCheck::text).orElse("?");
    Optional<Node> podSpec = switch (kind) {
      case "Pod" -> get(object, "spec");
      case "CronJob" -> path(object, "spec", "jobTemplate", "spec", "template", "spec");
      default -> path(object, "spec", "template", "spec");
    };
    if (podSpec.isEmpty()) {
      return;
    }
    String what = kind + " " + name;
    for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      get(podSpec.get(), host).filter(n -> scalar(Optional.of(n)).orElse("").equals("true")).ifPresent(n ->
          found.add(new Violation(file, line(n), "host-namespaces", what + " uses " + host)));
    }
    boolean podNonRoot = path(podSpec.get(), "securityContext", "runAsNonRoot").flatMap(PolicyCheck::text)
        .map("true"::equals).orElse(false);
    boolean probesExpected = !kind.equals("Job") && !kind.equals("CronJob");
    for (String list : List.of("initContainers", "containers")) {
      for (Node container : items(get(podSpec.get(), list))) {
        String c = what + " container " + get(container, "name").flatMap(PolicyCheck::text).orElse("?");
        int line = line(container);
        String image = get(container, "image").flatMap(PolicyCheck::text).orElse("");
        String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
          found.add(new Violation(file, line, "pinned-image", c + " uses image '" + image + "' without a version tag or digest"));
        }
        for (String r : List.of("requests", "limits")) {
          Optional<Node> res = path(container, "resources", r);
          boolean cpuMissing = r.equals("requests") && get(res, "cpu").isEmpty(); // a CPU limit only throttles
          if (res.isEmpty() || cpuMissing || get(res, "memory").isEmpty()) {
            found.add(new Violation(file, line, "resources", c + " has no resources." + r + " for "
                + (r.equals("requests") ? "cpu and memory" : "memory")));
          }
        }
        if (list.equals("containers") && probesExpected) {
          for (String probe : List.of("livenessProbe", "readinessProbe")) {
            if (get(container, probe).isEmpty()) {
              found.add(new Violation(file, line, "probes", c + " has no " + probe));
            }
          }
        }
        boolean nonRoot = path(container, "securityContext", "runAsNonRoot").flatMap(PolicyCheck::text)
            .map("true"::equals).orElse(podNonRoot);
        if (!nonRoot) {
          found.add(new Violation(file, line, "non-root", c + " does not set runAsNonRoot: true"));
        }
        if (path(container, "securityContext", "privileged").flatMap(PolicyCheck::text).map("true"::equals).orElse(false)) {
          found.add(new Violation(file, line, "privileged", c + " is privileged"));
        }
        if (!path(container, "securityContext", "allowPrivilegeEscalation").flatMap(PolicyCheck::text)
            .map("false"::equals).orElse(false)) {
          found.add(new Violation(file, line, "privilege-escalation", c + " does not set allowPrivilegeEscalation: false"));
        }
      }
    }
  }

  private static Optional<Node> get(Node node, String key) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Node> get(Optional<Node> node, String key) {
    return node.flatMap(n -> get(n, key));
  }

  private static Optional<Node> path(Node node, String... keys) {
    Optional<Node> current = Optional.of(node);
    for (String k : keys) {
      current = get(current, k);
    }
    return current;
  }

  private static List<Node> items(Optional<Node> node) {
    return node.filter(SequenceNode.class::isInstance).map(n -> ((SequenceNode) n).getValue()).orElse(List.of());
  }

  private static Optional<String> scalar(Optional<Node> node) {
    return node.filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
  }

  private static Optional<String> text(Node node) {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  private static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static List<Violation> check(String file, String text) {
    return check(List.of(new SkeletonRenderer.RenderedFile(file, text.getBytes(StandardCharsets.UTF_8))));
  }
}
