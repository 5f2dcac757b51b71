package dev.paved.portal.deploy.internal;

import dev.paved.plugin.deploy.DeploymentSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a deployment's configuration lies in the GitOps repository, worked out from its sources: the source
 * that is the GitOps repository, the folder it deploys ({@code path}) and the values files other sources
 * take from it ({@code $values/<path>}, through its {@code ref}).
 *
 * @param sourceIndex the GitOps source's position among the deployment's sources
 * @param paths the folders and files of the GitOps repository the deployment is made from
 * @param valuesFile the Helm values file scaling writes to, or null if there is none
 */
public record GitOpsFiles(int sourceIndex, List<String> paths, String valuesFile) {

  /**
   * The deployment's GitOps files, or null when none of its sources is the GitOps repository.
   *
   * @param service the service the application belongs to (its {@code paved.dev/service} label): every path
   *     must lie in that service's folder, so an application pointed at another team's folder cannot make the
   *     portal commit there
   * @throws IllegalArgumentException when a path is outside the service's folder or not a plain path
   */
  public static GitOpsFiles of(List<DeploymentSource> sources, String gitopsCloneUrl, String service) {
    for (int i = 0; i < sources.size(); i++) {
      DeploymentSource source = sources.get(i);
      if (!sameRepository(source.repoUrl(), gitopsCloneUrl)) {
        continue;
      }
      List<String> paths = new ArrayList<>();
      String values = null;
      if (!source.ref().isEmpty()) {
        String prefix = "$" + source.ref() + "/";
        for (DeploymentSource other : sources) {
          for (String file : other.valueFiles()) {
            if (file.startsWith(prefix)) {
              paths.add(file.substring(prefix.length()));
              values = file.substring(prefix.length()); // the last one wins in Helm: scale writes there
            }
          }
        }
      }
      String path = source.path().replaceAll("^\\./", "").replaceAll("/+$", "");
      if (!path.isEmpty() && !path.equals(".")) {
        paths.add(path);
        if (values == null) {
          values = path + "/" + (source.valueFiles().isEmpty() ? "values.yaml" : source.valueFiles().getLast());
        }
      }
      if (!paths.isEmpty()) {
        for (String p : paths) {
          confined(p, service);
        }
        return new GitOpsFiles(i, List.copyOf(paths), values == null ? null : confined(values, service));
      }
    }
    return null;
  }

  private static String confined(String path, String service) {
    boolean plain = !path.startsWith("/") && !path.contains("\\") && java.util.Arrays.stream(path.split("/"))
        .noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    if (service == null || service.isBlank() || !plain || !path.startsWith(service + "/")) {
      throw new IllegalArgumentException("the application takes " + path + " from the GitOps repository, which is not "
          + "in its service's folder (" + (service == null || service.isBlank() ? "it has no paved.dev/service label"
          : service + "/") + "), so the portal does not change it");
    }
    return path;
  }

  /** Clone addresses name the same repository if they differ only in case of the host, a trailing slash or .git. */
  static boolean sameRepository(String a, String b) {
    return a != null && b != null && normalise(a).equals(normalise(b));
  }

  private static String normalise(String url) {
    String u = url.trim().replaceAll("/+$", "").replaceAll("\\.git$", "");
    int scheme = u.indexOf("://");
    int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 3);
    return slash < 0 ? u.toLowerCase(Locale.ROOT) : u.substring(0, slash).toLowerCase(Locale.ROOT) + u.substring(slash);
  }
}
