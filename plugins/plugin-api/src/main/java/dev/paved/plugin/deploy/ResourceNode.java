package dev.paved.plugin.deploy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Kubernetes resource of a deployed application: a Deployment, the ReplicaSets it made, their Pods,
 * Services, Ingresses and so on.
 *
 * @param uid the resource's uid, which children name in {@code parentUids}
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param kind such as {@code Deployment}
 * @param namespace its namespace, empty for cluster-wide resources
 * @param name its name
 * @param parentUids the uids of the resources that own it (a Pod's ReplicaSet)
 * @param health its health, {@link Health#UNKNOWN} for resources without one
 * @param healthMessage why, when the system says
 * @param images the container images (Pods)
 * @param info what the system shows about it, such as a Pod's status and restarts
 * @param createdAt when it was created, or null
 */
public record ResourceNode(String uid, String group, String version, String kind, String namespace, String name,
    List<String> parentUids, Health health, String healthMessage, List<String> images, Map<String, String> info,
    Instant createdAt) {

  public ResourceNode {
    uid = uid == null ? "" : uid;
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    namespace = namespace == null ? "" : namespace;
    parentUids = parentUids == null ? List.of() : List.copyOf(parentUids);
    health = health == null ? Health.UNKNOWN : health;
    healthMessage = healthMessage == null ? "" : healthMessage;
    images = images == null ? List.of() : List.copyOf(images);
    info = info == null ? Map.of() : Map.copyOf(info);
  }
}
