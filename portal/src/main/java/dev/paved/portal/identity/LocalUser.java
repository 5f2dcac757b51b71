package dev.paved.portal.identity;

import dev.paved.plugin.scaffolder.Actor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The local user everybody is before sign-in exists, under {@code paved.local-user}.
 *
 * @param ref their catalog reference
 * @param name the commit author name
 * @param email the commit author e-mail
 */
@ConfigurationProperties("paved.local-user")
public record LocalUser(@DefaultValue("user:default/developer") String ref, @DefaultValue("Developer") String name,
    @DefaultValue("developer@localhost") String email) {

  /** The local user as the current user. */
  @Component
  static class Current implements CurrentUser {
    private final LocalUser user;

    Current(LocalUser user) {
      this.user = user;
    }

    @Override
    public Actor get() {
      return new Actor(user.ref(), user.name(), user.email());
    }
  }
}
