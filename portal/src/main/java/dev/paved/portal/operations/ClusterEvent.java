package dev.paved.portal.operations;

/**
 * An application event that every replica hears, not only the one that published it: a record whose
 * components Jackson can write and read (ids, names). Publish it with Spring's
 * {@code ApplicationEventPublisher} as usual; other replicas receive it through PostgreSQL
 * ({@code NOTIFY}) a moment later and publish it to their own listeners. Use it for "something in the
 * database changed, refresh what you show or cache", never for work that must happen once.
 */
public interface ClusterEvent {}
