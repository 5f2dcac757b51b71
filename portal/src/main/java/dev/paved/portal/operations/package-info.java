/**
 * Running the portal as a service: what the production profile insists on, and how several replicas share
 * one PostgreSQL without doing the same work twice. {@link dev.paved.portal.operations.ClusterJobs} runs
 * scheduled work once per interval across replicas, {@link dev.paved.portal.operations.Replicas} knows which
 * replicas are alive (the work of one that died is taken over), {@link dev.paved.portal.operations.Leadership}
 * gives a long-lived role (watching Argo CD) to one replica at a time, and
 * {@link dev.paved.portal.operations.ClusterEvent}s reach every replica. The coordination depends on no other
 * feature.
 */
package dev.paved.portal.operations;
