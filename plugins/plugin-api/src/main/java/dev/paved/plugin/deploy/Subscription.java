package dev.paved.plugin.deploy;

/** Stops a subscription or a stream; safe to call twice. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
