package dev.paved.portal.operations;

import java.util.Map;

/**
 * A long-lived role that one replica plays at a time, such as watching Argo CD. The leader renews a lease in
 * the database each tick; when it stops, cleanly or not, another replica is elected once the lease lapsed
 * (at once after a clean stop, which releases it) and takes the role over.
 *
 * <p>A replica that pauses longer than the lease (a long garbage collection, a frozen node) may still believe
 * it leads while another replica already does: what a leader writes to the database must go through
 * {@link #asLeader}, which holds the lease for the length of the transaction.
 */
public interface Leadership {

  /**
   * Competes for a role for as long as this replica runs (or until {@link #withdraw}). The callbacks run one
   * at a time, on the leadership's own thread while the replica runs (on the stopping thread when it stops);
   * keep them quick. A replica whose {@code elected} throws steps down and lets another replica play the role.
   *
   * @param role a stable name, such as {@code argocd-watch}
   * @param elected called when this replica starts playing the role
   * @param deposed called when it stops: the lease was lost, or the replica is stopping
   */
  void compete(String role, Runnable elected, Runnable deposed);

  /**
   * Stops competing for a role: if this replica plays it, it steps down ({@code deposed} runs) and releases
   * the lease so another replica takes the role over at once. Waits for that, at most a few seconds (a
   * lease not released in time lapses by itself).
   */
  void withdraw(String role);

  /** Whether this replica plays the role now, as far as it knows. */
  boolean leads(String role);

  /**
   * Runs {@code work} in a database transaction that holds the role's lease until it commits, so no other
   * replica can take the role in the meantime; database calls made by {@code work} join the transaction.
   *
   * @return false, without running {@code work}, when this replica does not hold the role's lease
   */
  boolean asLeader(String role, Runnable work);

  /** Each role with the replica that plays it now. */
  Map<String, String> leaders();
}
