package dev.paved.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.goldenpaths.engine.PolicyCheck;
import dev.paved.goldenpaths.engine.SkeletonRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The portal's image recipe: it obeys the rule the golden paths set for every service's Dockerfile, and
 * what it asks of Maven and of the repository exists (a renamed profile or a new module breaks the image
 * build only when someone builds the image, so this test notices first).
 */
class DockerfileTest {
  static final Path ROOT = HelmChartTest.repositoryRoot();
  static final Path DOCKERFILE = ROOT.resolve("portal/Dockerfile");

  /** One instruction, continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  record Stage(String image, String name, List<Instruction> instructions) {
    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
  }

  @Test
  void theDockerfilePassesTheGoldenPathPolicy() throws IOException {
    byte[] content = Files.readAllBytes(DOCKERFILE);

    assertThat(PolicyCheck.check(List.of(new SkeletonRenderer.RenderedFile("portal/Dockerfile", content)))).isEmpty();
  }

  @Test
  void itBuildsInOneStageAndRunsOnAJreInAnotherEachImagePinnedToATemurin21Release() throws IOException {
    List<Stage> stages = stages();

    assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
    assertThat(stages).extracting(Stage::image)
        .allMatch(image -> image.matches("eclipse-temurin:21\\.0\\.\\d+_\\d+-(jdk|jre)-\\w+(@sha256:[0-9a-f]{64})?"), "a Temurin 21 release tag");
    assertThat(stages.getFirst().image()).contains("-jdk-");
    assertThat(stages.getLast().image()).contains("-jre-");
    assertThat(stages.getLast().all("USER")).extracting(Instruction::arguments).containsExactly("10001:10001");
  }

  @Test
  void theMavenBuildUsesTheProductionProfileThatThePortalPomDefines() throws Exception {
    String build = stages().getFirst().all("RUN").stream().map(Instruction::arguments)
        .filter(r -> r.contains("mvnw")).findFirst().orElseThrow(() -> new AssertionError("no ./mvnw in the build stage"));
    Matcher profile = Pattern.compile("(?:^|\\s)-P\\s*([\\w,-]+)").matcher(build);
    assertThat(profile.find()).as("a -P option in: %s", build).isTrue();

    Document portalPom = xml(ROOT.resolve("portal/pom.xml"));
    List<String> profiles = texts(portalPom, "profile", "id");
    assertThat(profiles).contains("production");
    assertThat(Arrays.asList(profile.group(1).split(","))).contains("production").allMatch(profiles::contains);
    assertThat(build).contains("-pl portal", "-am", "package", "-DskipTests");

    // the jar it copies is the portal's Spring Boot jar, named after the pom's artifactId
    String artifactId = directChild(portalPom.getDocumentElement(), "artifactId");
    assertThat(build).contains("'" + artifactId + "-*.jar'").contains("! -name '*-plain.jar'");
  }

  @Test
  void theBuildStageHasEveryModulesPomTheRootPomLists() throws Exception {
    List<String> sources = new ArrayList<>();
    for (Instruction copy : stages().getFirst().all("COPY")) {
      List<String> words = new ArrayList<>(Arrays.asList(copy.arguments().split("\\s+")));
      words.removeIf(w -> w.startsWith("--"));
      words.subList(0, words.size() - 1).forEach(s -> sources.add(s.replaceAll("/$", "")));
    }
    List<String> modules = texts(xml(ROOT.resolve("pom.xml")), "modules", "module");

    assertThat(modules).contains("portal", "infra");
    assertThat(sources).contains("pom.xml", "mvnw", ".mvn");
    for (String module : modules) {
      assertThat(sources).as("module %s", module).anyMatch(s -> s.equals(module) || s.equals(module + "/pom.xml")
          || module.startsWith(s + "/"));
    }
  }

  @Test
  void theFinalStageHoldsTheLayersTheGoldenPathsAndAWritableExecutableTmpForHelmsNativeLibrary() throws IOException {
    Stage run = stages().getLast();

    assertThat(run.all("COPY")).extracting(Instruction::arguments).filteredOn(a -> a.startsWith("--from="))
        .extracting(a -> a.replaceAll(".*/extracted/([\\w-]+)/.*", "$1"))
        .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    assertThat(run.all("COPY")).extracting(Instruction::arguments)
        .anyMatch(a -> a.matches("golden-paths/templates/?\\s+/app/golden-paths/templates/?"));
    assertThat(Files.isDirectory(ROOT.resolve("golden-paths/templates"))).isTrue();
    assertThat(run.all("WORKDIR")).extracting(Instruction::arguments).containsExactly("/app");

    List<String> entrypoint = entrypoint(run);
    assertThat(entrypoint.getFirst()).isEqualTo("java");
    assertThat(entrypoint).contains("-Djava.io.tmpdir=/tmp", "--enable-native-access=ALL-UNNAMED");
    assertThat(entrypoint.getLast()).isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
    // JVM tunables on the command line would win over the chart's JAVA_TOOL_OPTIONS (javaOptions)
    assertThat(entrypoint).noneMatch(a -> a.startsWith("-XX:") || a.startsWith("-Xm"));
    assertThat(run.all("ENV")).extracting(Instruction::arguments).anyMatch(a -> a.startsWith("JAVA_TOOL_OPTIONS="));
  }

  @Test
  void theBuildContextLeavesOutBuildOutputAndRunTimeState() throws IOException {
    List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

    assertThat(ignored).contains("**/target", ".git", "data", "bench", "**/node_modules");
    // nothing the Dockerfile copies from the context is left out of it
    for (Stage stage : stages()) {
      for (Instruction copy : stage.all("COPY")) {
        if (copy.arguments().startsWith("--from=")) {
          continue;
        }
        String source = copy.arguments().split("\\s+")[0].replaceAll("/$", "");
        assertThat(excluded(source, ignored)).as("COPY %s is left out by .dockerignore", source).isFalse();
      }
    }
  }

  /**
   * Whether .dockerignore leaves a path out: listed itself, or under a listed folder ({@code dir} or
   * {@code dir/*}) without a later {@code !path} bringing it back. Enough for the plain patterns used.
   */
  private static boolean excluded(String path, List<String> patterns) {
    boolean excluded = false;
    for (String pattern : patterns) {
      boolean negated = pattern.startsWith("!");
      String p = (negated ? pattern.substring(1) : pattern).replaceAll("/$", "");
      String folder = p.replaceAll("/\\*$", "");
      if (path.equals(p) || path.equals(folder) || path.startsWith(folder + "/")) {
        excluded = !negated;
      }
    }
    return excluded;
  }

  // --- reading the Dockerfile ---

  static List<Stage> stages() throws IOException {
    List<Stage> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a comment between continuation lines
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      String text = pending.toString().strip();
      pending.setLength(0);
      String[] parts = text.split("\\s+", 2);
      Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
      if (instruction.keyword().equals("FROM")) {
        String[] from = instruction.arguments().split("\\s+");
        stages.add(new Stage(from[0], from.length >= 3 ? from[2] : null, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.getLast().instructions().add(instruction);
      }
    }
    return stages;
  }

  private static List<String> entrypoint(Stage stage) {
    List<Instruction> entrypoints = stage.all("ENTRYPOINT");
    assertThat(entrypoints).hasSize(1);
    String json = entrypoints.getFirst().arguments();
    assertThat(json).as("exec form, so the JVM is PID 1 and receives SIGTERM").startsWith("[").endsWith("]");
    List<String> arguments = new ArrayList<>();
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    while (m.find()) {
      arguments.add(m.group(1));
    }
    return arguments;
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** The text of every {@code child} element inside a {@code parent} element. */
  private static List<String> texts(Document document, String parent, String child) {
    List<String> texts = new ArrayList<>();
    NodeList parents = document.getElementsByTagName(parent);
    for (int i = 0; i < parents.getLength(); i++) {
      NodeList children = ((Element) parents.item(i)).getElementsByTagName(child);
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j).getParentNode() == parents.item(i)) {
          texts.add(children.item(j).getTextContent().strip());
        }
      }
    }
    return texts;
  }

  private static String directChild(Element element, String name) {
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + name + "> in <" + element.getTagName() + ">");
  }
}
