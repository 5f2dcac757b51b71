package dev.paved.plugin.deploy;

/**
 * A change a target saw: an application appeared, changed or went away, or an instance became
 * unreachable or reachable again (then {@code deployment} is null and {@code state} says which).
 *
 * @param type what happened
 * @param deployment the application as it is now (as it was, for {@code DELETED}), or null
 * @param state the instance's state after the event
 */
public record DeploymentEvent(Type type, Deployment deployment, InstanceState state) {

  /** What happened. */
  public enum Type { ADDED, MODIFIED, DELETED, INSTANCE }
}
