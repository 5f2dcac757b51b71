package dev.paved.portal.operations.internal;

import dev.paved.portal.identity.SignInProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start on settings that are only fit for trying the portal out, and names
 * every one of them at once, so one restart fixes them all. It checks before any bean is made (a bean factory
 * post-processor), so nothing starts first: no embedded database, no connection to anything.
 */
@Component
@Profile("production")
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {
  /** The secret in the project's realm file: anyone who read the repository knows it. */
  static final String REALM_FILE_SECRET = "change-me-paved-client-secret";
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    SignInProperties signIn = Binder.get(environment).bindOrCreate("paved.security", SignInProperties.class);
    List<String> problems = problems(signIn, environment.getProperty("spring.datasource.url", ""));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The production profile refuses to start:\n  - " + String.join("\n  - ", problems));
    }
  }

  static List<String> problems(SignInProperties signIn, String datasourceUrl) {
    List<String> problems = new ArrayList<>();
    if (datasourceUrl.isBlank()) {
      problems.add("spring.datasource.url is not set: production keeps its data in your PostgreSQL (for example"
          + " jdbc:postgresql://db.example.com:5432/paved, with spring.datasource.username and .password), not in the"
          + " embedded one");
    }
    if (!signIn.oidcEnabled()) {
      problems.add("paved.security.oidc.issuer-uri is not set: production signs people in through Keycloak"
          + " (for example https://sso.example.com/realms/paved)");
    }
    String secret = signIn.oidc().clientSecret();
    if (secret == null || secret.isBlank()) {
      problems.add("paved.security.oidc.client-secret is not set: give the secret of the Keycloak client '"
          + signIn.oidc().clientId() + "' (from an environment variable or a mounted Secret)");
    } else if (secret.equals(REALM_FILE_SECRET)) {
      problems.add("paved.security.oidc.client-secret is the default from infra/keycloak/paved-realm.json: generate a"
          + " new secret for the client in Keycloak and use that");
    }
    if (!signIn.localAccounts().isEmpty()) {
      problems.add("paved.security.local-accounts lists " + signIn.localAccounts().keySet().stream().sorted().toList()
          + ": local accounts are for trying the portal out; remove them and sign in through Keycloak");
    }
    return problems;
  }
}
