package dev.paved.plugin.argocd;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Argo CD instances the portal deploys with, under {@code paved.plugins.argocd}: one per cluster,
 * each serving some of the golden paths' environments. Checked when bound, so a half-configured instance
 * stops the portal at start-up saying what is missing.
 *
 * @param instances by name, such as {@code nonprod} and {@code prod}
 * @param syncPolicy per environment, {@code automated} or {@code manual}; an environment not listed keeps
 *     the policy its golden path declares
 * @param destinationNamespace where applications deploy, with {@code {service}} and {@code {environment}}
 *     replaced, such as {@code {service}-{environment}}; empty keeps the golden path's namespace
 */
@ConfigurationProperties("paved.plugins.argocd")
public record ArgoCdProperties(Map<String, Instance> instances, Map<String, String> syncPolicy,
    @DefaultValue("") String destinationNamespace) {

  public ArgoCdProperties {
    instances = instances == null ? Map.of() : new LinkedHashMap<>(instances);
    syncPolicy = syncPolicy == null ? Map.of() : Map.copyOf(syncPolicy);
    for (Map.Entry<String, Instance> instance : instances.entrySet()) {
      if (!instance.getKey().matches("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?")) {
        throw new IllegalArgumentException("paved.plugins.argocd.instances: '" + instance.getKey()
            + "' is not a usable instance name; use lower-case letters, digits and dashes, such as prod");
      }
      if (instance.getValue() == null) {
        throw new IllegalArgumentException("paved.plugins.argocd.instances." + instance.getKey() + ".url is not set");
      }
      instance.getValue().check("paved.plugins.argocd.instances." + instance.getKey());
    }
    for (Map.Entry<String, String> policy : syncPolicy.entrySet()) {
      if (!List.of("automated", "manual").contains(policy.getValue())) {
        throw new IllegalArgumentException("paved.plugins.argocd.sync-policy." + policy.getKey()
            + " must be automated or manual, not '" + policy.getValue() + "'");
      }
    }
    destinationNamespace = destinationNamespace == null ? "" : destinationNamespace;
  }

  /** The instance serving an environment: the one listing it, else the one listing none. */
  public String instanceFor(String environment) {
    String catchAll = null;
    for (Map.Entry<String, Instance> instance : instances.entrySet()) {
      if (instance.getValue().environments().contains(environment)) {
        return instance.getKey();
      }
      if (instance.getValue().environments().isEmpty() && catchAll == null) {
        catchAll = instance.getKey();
      }
    }
    return catchAll;
  }

  /**
   * One Argo CD.
   *
   * @param url its address, such as {@code https://argocd.acme.example}
   * @param token an API token (an account's or a project role's) the portal signs in with; or
   * @param username with {@code password}: an account the portal opens sessions for (renewed when they expire)
   * @param password the account's password
   * @param caFile a PEM file of the certificate authorities to trust for its TLS, when not a public one
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for one answer (streams are not cut by it)
   * @param project the Argo CD project new applications go to; empty keeps the golden path's
   * @param namespace the namespace Argo CD keeps its applications in
   * @param environments the environments this instance deploys, such as {@code [dev, staging]}; empty for all
   *     that no other instance lists
   */
  public record Instance(URI url, String token, String username, String password, Path caFile,
      @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
      @DefaultValue("") String project, @DefaultValue("argocd") String namespace, List<String> environments) {

    public Instance {
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
      project = project == null ? "" : project;
      namespace = namespace == null || namespace.isBlank() ? "argocd" : namespace;
      environments = environments == null ? List.of() : List.copyOf(environments);
    }

    void check(String prefix) {
      if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
          || url.getRawQuery() != null || url.getRawFragment() != null) {
        throw new IllegalArgumentException(prefix + ".url must be Argo CD's address, such as https://argocd.acme.example, "
            + "but is '" + url + "'");
      }
      if (url.getRawUserInfo() != null) {
        // the address is shown on pages and in messages: credentials go in .token or .username/.password
        throw new IllegalArgumentException(prefix + ".url must not carry credentials; use .token, or .username and .password");
      }
      boolean hasToken = token != null && !token.isBlank();
      boolean hasAccount = username != null && !username.isBlank();
      if (hasToken == hasAccount) {
        throw new IllegalArgumentException(prefix + ": set either .token (an Argo CD API token: argocd account "
            + "generate-token, or a project role token) or .username and .password, not " + (hasToken ? "both" : "neither"));
      }
      if (hasAccount && (password == null || password.isEmpty())) {
        throw new IllegalArgumentException(prefix + ".password is not set for the account " + username);
      }
      if (caFile != null && !caFile.toFile().isFile()) {
        throw new IllegalArgumentException(prefix + ".ca-file " + caFile + " does not exist");
      }
      if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException(prefix + ": timeouts must be positive, such as 5s");
      }
    }

    /** Without the secrets: properties end up in logs and failure reports. */
    @Override
    public String toString() {
      return "Instance[url=" + url + ", token=" + (token == null ? "none" : "****") + ", username=" + username
          + ", password=" + (password == null ? "none" : "****") + ", caFile=" + caFile + ", project=" + project
          + ", namespace=" + namespace + ", environments=" + environments + "]";
    }
  }
}
