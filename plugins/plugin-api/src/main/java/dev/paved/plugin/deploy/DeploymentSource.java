package dev.paved.plugin.deploy;

import java.util.List;

/**
 * One source an application is built from: a chart or folder in a Git repository, or the repository
 * only referenced for its files (the GitOps repository, whose values files the chart uses).
 *
 * @param repoUrl the repository's clone address
 * @param path the folder in it, or empty
 * @param targetRevision the branch, tag or commit followed, such as {@code main}
 * @param ref the name other sources use for it in {@code $ref/...} value files, or empty
 * @param valueFiles the Helm values files, as written (possibly {@code $values/<path>})
 */
public record DeploymentSource(String repoUrl, String path, String targetRevision, String ref, List<String> valueFiles) {

  public DeploymentSource {
    path = path == null ? "" : path;
    targetRevision = targetRevision == null ? "" : targetRevision;
    ref = ref == null ? "" : ref;
    valueFiles = valueFiles == null ? List.of() : List.copyOf(valueFiles);
  }
}
