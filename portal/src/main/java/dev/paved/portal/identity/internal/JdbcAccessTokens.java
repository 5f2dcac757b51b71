package dev.paved.portal.identity.internal;

import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.identity.AccessTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tokens of 40 random characters after a {@code pvd_} prefix (so secret scanners can recognise them),
 * stored as SHA-256 hashes: a leaked database reveals no token, and 238 bits of randomness make a slow
 * hash unnecessary.
 */
@Service
class JdbcAccessTokens implements AccessTokens {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String PREFIX = "pvd_";
  private final SecureRandom random = new SecureRandom();
  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  JdbcAccessTokens(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public Created create(String owner, String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > 100 || clean.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("give the token a name of 1 to 100 characters, such as \"laptop\" or \"ci\"");
    }
    StringBuilder secret = new StringBuilder(PREFIX);
    for (int i = 0; i < 40; i++) {
      secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String token = secret.toString();
    UUID id = UUID.randomUUID();
    String hint = "…" + token.substring(token.length() - 4);
    jdbc.update("insert into access_token (id, owner, name, token_hash, hint) values (?, ?, ?, ?, ?)",
        id, owner, clean, hash(token), hint);
    audit.record(owner, "token.create", "token:" + id, "success", Map.of("name", clean));
    return new Created(list(owner).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(), token);
  }

  @Override
  public List<TokenView> list(String owner) {
    return jdbc.query("select id, owner, name, hint, created_at, last_used_at, revoked_at from access_token"
        + " where owner = ? order by created_at desc", (rs, n) -> new TokenView(rs.getObject(1, UUID.class),
        rs.getString(2), rs.getString(3), rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
        instant(rs.getTimestamp(7))), owner);
  }

  @Override
  public boolean revoke(UUID id, String owner) {
    boolean revoked = jdbc.update("update access_token set revoked_at = now() where id = ? and owner = ?"
        + " and revoked_at is null", id, owner) == 1;
    if (revoked) {
      audit.record(owner, "token.revoke", "token:" + id, "success", Map.of());
    }
    return revoked;
  }

  @Override
  public Optional<String> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 40) {
      return Optional.empty();
    }
    List<String> owners = jdbc.queryForList("update access_token set last_used_at = now() where token_hash = ?"
        + " and revoked_at is null returning owner", String.class, hash(token));
    return owners.stream().findFirst();
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
