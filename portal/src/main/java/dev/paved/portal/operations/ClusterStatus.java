package dev.paved.portal.operations;

import dev.paved.portal.access.Access;
import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.Permission;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What an operator asks of a running portal: which replicas are alive, which plays each role (such as
 * watching Argo CD), and where and how the scheduled jobs ran. For platform engineers
 * ({@link Permission#VIEW_OPERATIONS}), whatever the caller.
 */
@Service
public class ClusterStatus {
  private final Replicas replicas;
  private final ClusterJobs jobs;
  private final Leadership leadership;
  private final Access access;
  private final CurrentUser currentUser;

  ClusterStatus(Replicas replicas, ClusterJobs jobs, Leadership leadership, Access access, CurrentUser currentUser) {
    this.replicas = replicas;
    this.jobs = jobs;
    this.leadership = leadership;
    this.access = access;
    this.currentUser = currentUser;
  }

  /**
   * The cluster as this replica sees it.
   *
   * @param self the replica that answered
   * @param replicas the replicas alive
   * @param leaders each long-lived role (such as watching Argo CD) with the replica playing it
   * @param jobs every scheduled job with its last run
   */
  public record View(String self, List<Replicas.Replica> replicas, Map<String, String> leaders,
      List<ClusterJobs.JobState> jobs) {}

  public View view() {
    access.require(currentUser.user(), Permission.VIEW_OPERATIONS, "Reading the portal's replicas and jobs");
    return new View(replicas.self().id(), replicas.alive(), leadership.leaders(), jobs.jobs());
  }

  /** A job's recent runs, newest first (at most 100). */
  public List<ClusterJobs.JobRun> runs(String job, int limit) {
    access.require(currentUser.user(), Permission.VIEW_OPERATIONS, "Reading the runs of job " + job);
    return jobs.runs(job, Math.clamp(limit, 1, 100));
  }
}
