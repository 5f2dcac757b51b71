package dev.paved.portal.identity.internal;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.access.PortalPrincipal;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.access.Role;
import dev.paved.portal.identity.SignInProperties;
import java.io.Serial;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts from configuration for a portal without Keycloak. Passwords must be hashed (bcrypt, argon2, scrypt
 * or pbkdf2 with their <code>{id}</code> prefix): a clear-text password in configuration is refused at start.
 */
final class LocalAccounts implements UserDetailsService {
  private static final Pattern HASHED = Pattern.compile("^\\{(bcrypt|argon2@SpringSecurity_v5_8|argon2|scrypt"
      + "@SpringSecurity_v5_8|scrypt|pbkdf2@SpringSecurity_v5_8|pbkdf2)}.+");
  private final Map<String, SignInProperties.LocalAccount> accounts;

  LocalAccounts(Map<String, SignInProperties.LocalAccount> accounts) {
    for (Map.Entry<String, SignInProperties.LocalAccount> account : accounts.entrySet()) {
      TokenClaims.catalogName(account.getKey());
      String password = account.getValue().password();
      if (password == null || !HASHED.matcher(password).matches()) {
        throw new IllegalStateException("paved.security.local-accounts." + account.getKey() + ".password must be a"
            + " hashed password such as {bcrypt}$2a$10$..., not clear text: make one with ./paved hash-password");
      }
      for (String role : account.getValue().roles()) {
        if (Role.of(role).isEmpty()) {
          throw new IllegalStateException("paved.security.local-accounts." + account.getKey() + ".roles: '" + role
              + "' is not a portal role (developer, platform-engineer, admin)");
        }
      }
    }
    this.accounts = Map.copyOf(accounts);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    SignInProperties.LocalAccount account = accounts.get(username);
    if (account == null) {
      throw new UsernameNotFoundException("no local account " + username);
    }
    return new LocalAccountUser(username, account.password(), user(username, account));
  }

  static PortalUser user(String username, SignInProperties.LocalAccount account) {
    Set<Role> roles = account.roles().stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet());
    Set<String> groups = account.groups().stream().map(PortalUser::groupRef)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    String name = account.name() == null || account.name().isBlank() ? username : account.name();
    String email = account.email() == null || account.email().isBlank() ? username + "@localhost" : account.email();
    return new PortalUser(new Actor("user:default/" + TokenClaims.catalogName(username), name, email), roles, groups);
  }

  /** A signed-in local account. */
  static final class LocalAccountUser extends User implements PortalPrincipal {
    @Serial private static final long serialVersionUID = 1L;
    private final PortalUser user;

    LocalAccountUser(String username, String password, PortalUser user) {
      super(username, password, TokenClaims.authorities(user));
      this.user = user;
    }

    @Override
    public PortalUser portalUser() {
      return user;
    }

    @Override
    public boolean equals(Object o) {
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}
