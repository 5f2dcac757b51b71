package dev.paved.portal.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replicas coordinate, under {@code paved.cluster}.
 *
 * @param lease how long a replica's claim on a job or role lasts without renewal; a replica silent for
 *     longer counts as gone and its work is taken over (so also the longest pause a replica may take, such
 *     as a garbage collection, without losing its work)
 * @param heartbeat how often a replica says it is alive
 * @param tick how often a replica looks for due jobs and renews its leases (well under the lease)
 */
@ConfigurationProperties("paved.cluster")
public record ClusterProperties(
    @DefaultValue("30s") Duration lease,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("2s") Duration tick) {

  public ClusterProperties {
    if (tick.compareTo(lease.dividedBy(2)) >= 0 || heartbeat.compareTo(lease.dividedBy(2)) >= 0) {
      throw new IllegalArgumentException("paved.cluster.tick (" + tick + ") and .heartbeat (" + heartbeat
          + ") must be well under half of paved.cluster.lease (" + lease + "), or leases lapse between renewals");
    }
  }

  /** The lease in seconds, for SQL intervals. */
  public double leaseSeconds() {
    return lease.toMillis() / 1000.0;
  }
}
