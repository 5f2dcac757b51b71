package dev.paved.portal.operations;

import java.time.Instant;
import java.util.List;

/**
 * The portal's replicas on this database. Each one records itself at start, says it is alive every few
 * seconds, and removes itself when it stops cleanly; one that stops answering for longer than the lease
 * ({@code paved.cluster.lease}) counts as gone, and the work it held is taken over.
 */
public interface Replicas {

  /** This replica. */
  Replica self();

  /** The replicas that answered within the lease, this one included. */
  List<Replica> alive();

  /**
   * One replica.
   *
   * @param id unique for this run of the process (a restarted pod is a new replica)
   * @param host the host (pod) name
   * @param startedAt when it started
   * @param lastSeen its last heartbeat
   */
  record Replica(String id, String host, Instant startedAt, Instant lastSeen) {}
}
