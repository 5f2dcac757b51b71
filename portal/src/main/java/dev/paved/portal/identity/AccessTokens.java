package dev.paved.portal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal access tokens: a user creates one in the portal to push to the embedded Git server from the
 * command line or CI. Only a hash is stored; the token is shown once.
 */
public interface AccessTokens {

  /** A new token: {@code token} is the secret, shown to the user this once and never stored. */
  record Created(TokenView view, String token) {}

  /** A token as listed: never the secret, only its last characters as a reminder. */
  record TokenView(UUID id, String owner, String name, String hint, Instant createdAt, Instant lastUsedAt,
      Instant revokedAt) {}

  /**
   * @throws IllegalArgumentException when the name is empty or longer than 100 characters
   */
  Created create(String owner, String name);

  List<TokenView> list(String owner);

  /** Revokes one of the owner's tokens; false when the owner has no such token. */
  boolean revoke(UUID id, String owner);

  /** The owner of a valid (not revoked) token, and notes its use. */
  Optional<String> authenticate(String token);
}
