package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.goldenpaths.engine.SkeletonRenderer.Options;
import dev.paved.goldenpaths.engine.SkeletonRenderer.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SkeletonRendererTest {
  private final SkeletonRenderer renderer = new SkeletonRenderer();

  private static Map<String, byte[]> skeleton(String... pathsAndContents) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static Map<String, String> byPath(List<RenderedFile> files) {
    return files.stream().collect(Collectors.toMap(RenderedFile::path, RenderedFile::text, (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void rendersContentsAndFileNamesWithTheAnswers() {
    var out = byPath(renderer.render(skeleton(
            "README.md", "# ${values.name}\n<#list values.modules as m>- ${m}\n</#list>",
            "src/main/java/${values.package?replace('.', '/')}/App.java", "package ${values.package};"),
        Map.of("name", "payments", "package", "com.acme.payments", "modules", List.of("api", "core")),
        Options.defaults()));
    assertThat(out).containsEntry("README.md", "# payments\n- api\n- core\n")
        .containsEntry("src/main/java/com/acme/payments/App.java", "package com.acme.payments;");
  }

  @Test
  void aFileNameSegmentThatWouldLeaveTheOutputIsRefused() {
    for (String hostile : List.of("..", "../../etc", "a/../../b", "/etc", "a//b", "", ".", "x\\..\\y")) {
      assertThatThrownBy(() -> renderer.render(skeleton("${values.name}/x.txt", "x"), Map.of("name", hostile),
          Options.defaults()))
          .as(hostile).isInstanceOf(RenderException.class).hasMessageContaining("not a plain file or folder name");
    }
  }

  @Test
  void answersAreDataNeverTemplateCode() {
    String hostile = "${7*7} <#assign x=1> [#if true]yes[/#if] ${values.secret!}";
    var out = byPath(renderer.render(skeleton("a.txt", "${values.name}", ".github/workflows/ci.yml", "name: [=values.name]"),
        Map.of("name", hostile), Options.defaults()));
    assertThat(out.get("a.txt")).isEqualTo(hostile);
    assertThat(out.get(".github/workflows/ci.yml")).isEqualTo("name: " + hostile);
  }

  @Test
  void ciWorkflowsAndScriptsKeepTheirOwnDollarSyntax() {
    var out = byPath(renderer.render(skeleton(
            ".github/workflows/build.yml", "run: echo ${{ github.sha }} for [=values.name]",
            "scripts/deploy.sh", "echo \"${HOME}\" [=shell(values.name)]"),
        Map.of("name", "pay'ments"), Options.defaults()));
    assertThat(out.get(".github/workflows/build.yml")).isEqualTo("run: echo ${{ github.sha }} for pay'ments");
    assertThat(out.get("scripts/deploy.sh")).isEqualTo("echo \"${HOME}\" 'pay'\\''ments'");
  }

  @Test
  void escapersKeepAnswersFromInjectingYamlJsonOrShell() {
    String injection = "x\nadmin: true\n\"; rm -rf / #\u202e";
    var out = byPath(renderer.render(skeleton("values.yaml", "description: ${yaml(values.d)}\n",
            "package.json", "{\"description\": ${json(values.d)}}", "run.sh", "echo [=shell(values.d)]"),
        Map.of("d", injection), Options.defaults()));
    assertThat(out.get("values.yaml")).isEqualTo("description: \"x\\nadmin: true\\n\\\"; rm -rf / #\\u202e\"\n");
    assertThat(out.get("package.json")).isEqualTo("{\"description\": \"x\\nadmin: true\\n\\\"; rm -rf / #\\u202e\"}");
    assertThat(out.get("run.sh")).isEqualTo("echo 'x\nadmin: true\n\"; rm -rf / #\u202e'");
  }

  @Test
  void dangerousConstructsAreRefusedAtLoadWithFileAndLine() {
    var skeleton = skeleton(
        "ok.txt", "fine",
        "evil/a.txt", "line one\n${values.name?eval}",
        "evil/b.txt", "<#assign ex = 'freemarker.template.utility.Execute'?new()>",
        "evil/c.txt", "\n\n${values?api.getClass()}",
        "evil/d.txt", "<#include \"../../../etc/passwd\">",
        "evil/e.txt", "<#include values.file>",
        "evil/f.txt", "${values.code?interpret}");
    assertThatThrownBy(() -> renderer.render(skeleton, Map.of("name", "x"), Options.defaults()))
        .isInstanceOf(TemplateRefusedException.class)
        .satisfies(e -> assertThat(((TemplateRefusedException) e).violations()).extracting(SafetyViolation::toString)
            .containsExactlyInAnyOrder(
                "evil/a.txt:2: ?eval is not allowed: it can run answers as template code or reach Java objects",
                "evil/b.txt:1: ?new is not allowed: it can run answers as template code or reach Java objects",
                "evil/c.txt:3: ?api is not allowed: it can run answers as template code or reach Java objects",
                "evil/d.txt:1: #include of '../../../etc/passwd' reaches outside the template; include files of the template",
                "evil/e.txt:1: #include must name a file of the template as a plain string, not values.file",
                "evil/f.txt:1: ?interpret is not allowed: it can run answers as template code or reach Java objects"));
  }

  @Test
  void includesReadFilesOfTheTemplateOnly() {
    var out = byPath(renderer.render(skeleton("partials/header.ftl", "== ${values.name} ==\n",
            "docs/index.md", "<#include \"../partials/header.ftl\">\nbody"),
        Map.of("name", "svc"), Options.defaults()));
    assertThat(out.get("docs/index.md")).isEqualTo("== svc ==\nbody");
    assertThat(out).doesNotContainKey("partials/header.ftl");
  }

  @Test
  void javaObjectsInTheValuesAreNotReachable() {
    assertThatThrownBy(() -> renderer.render(skeleton("a.txt", "${values.thread.name}"),
        Map.of("thread", Thread.currentThread()), Options.defaults()))
        .isInstanceOf(RenderException.class);
  }

  @Test
  void aMissingValueNamesTheFileAndLine() {
    assertThatThrownBy(() -> renderer.render(skeleton("deploy/values.yaml", "a: 1\nimage: ${values.image}\n"),
        Map.of(), Options.defaults()))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("deploy/values.yaml:2: ")
        .satisfies(e -> assertThat(((RenderException) e).line()).isEqualTo(2));
  }

  @Test
  void copyWithoutTemplatingAndBinaryFilesAreCopiedAsTheyAre() {
    Map<String, byte[]> skeleton = skeleton("templates/deployment.yaml", "{{ .Values.image }} ${not.freemarker}",
        "${values.name}.txt", "${values.name}");
    skeleton.put("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
    var out = renderer.render(skeleton, Map.of("name", "svc"),
        new Options("service", List.of("templates/**"), Options.DEFAULT_SQUARE_BRACKET));
    var byPath = byPath(out);
    assertThat(byPath).containsEntry("service/templates/deployment.yaml", "{{ .Values.image }} ${not.freemarker}")
        .containsEntry("service/svc.txt", "svc");
    assertThat(out.stream().filter(f -> f.path().equals("service/logo.png")).findFirst().orElseThrow().content())
        .containsExactly((byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe);
  }

  @Test
  void aTargetPathOutsideTheOutputIsRefused() {
    assertThatThrownBy(() -> renderer.render(skeleton("a.txt", "a"), Map.of(), new Options("../up", List.of(), List.of())))
        .isInstanceOf(RenderException.class).hasMessageContaining("points outside the output");
  }

  @Test
  void numbersAndBooleansRenderTheSameInEveryLocale() {
    var out = byPath(renderer.render(skeleton("a.txt", "${values.replicas} ${values.big} ${values.on}"),
        Map.of("replicas", 3, "big", 1234567, "on", true), Options.defaults()));
    assertThat(out.get("a.txt")).isEqualTo("3 1234567 true");
  }
}
