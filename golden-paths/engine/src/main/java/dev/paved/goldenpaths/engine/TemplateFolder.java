package dev.paved.goldenpaths.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A golden path as it lies in a folder: its parsed {@code template.yaml} and its files (skeletons and
 * partials), without its {@code tests/} folder, which only the test kit reads.
 */
public record TemplateFolder(GoldenPath template, Map<String, byte[]> files) {

  /** Reads a template folder. */
  public static TemplateFolder read(Path dir) throws IOException {
    Path yaml = dir.resolve("template.yaml");
    GoldenPath template = GoldenPathParser.parse(java.nio.file.Files.readAllBytes(yaml), yaml.toString());
    Map<String, byte[]> files = new TreeMap<>();
    SkeletonRenderer.readDirectory(dir).forEach((path, bytes) -> {
      if (!path.startsWith(TemplateTestKit.TESTS + "/")) {
        files.put(path, bytes);
      }
    });
    return new TemplateFolder(template, files);
  }
}
