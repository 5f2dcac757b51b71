package dev.paved.plugin.deploy;

import java.util.Objects;

/**
 * One deployed application on one instance of a deployment system (one Argo CD per cluster).
 *
 * @param instance the instance's configured name, such as {@code prod}
 * @param name the application's name there, such as {@code payments-prod}
 */
public record DeploymentRef(String instance, String name) {

  public DeploymentRef {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return instance + "/" + name;
  }
}
