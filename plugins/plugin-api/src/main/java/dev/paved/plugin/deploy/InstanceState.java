package dev.paved.plugin.deploy;

import java.time.Instant;

/**
 * Whether the portal can reach one instance of a deployment system.
 *
 * @param instance the instance's configured name
 * @param url where it is
 * @param reachable whether the last call or stream read worked
 * @param unreachableSince when it stopped working, or null while reachable
 * @param problem what went wrong last, for the user, or empty
 * @param lastContact when the portal last heard from it, or null if never
 */
public record InstanceState(String instance, String url, boolean reachable, Instant unreachableSince, String problem,
    Instant lastContact) {

  public InstanceState {
    problem = problem == null ? "" : problem;
  }
}
