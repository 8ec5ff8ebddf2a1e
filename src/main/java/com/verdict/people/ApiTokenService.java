package com.verdict.people;

import com.verdict.base.ApiException;
import com.verdict.base.AuditLog;
import com.verdict.base.SequenceIds;
import com.verdict.base.StoredText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a secret of 32 random bytes, shown once and kept only as its SHA-256. A token acts as
 * its owner, with the owner's current roles, but only on the endpoints its scopes cover.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "vdt_";
    static final int MAX_NAME_CHARS = 100;
    /** How precisely a token's last use is kept. */
    static final Duration LAST_USE_STEP = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final SequenceIds ids;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcTemplate jdbc, SequenceIds ids, AuditLog audit) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.audit = audit;
    }

    /**
     * Creates a token for this user; a blank or long name, or no or unknown scopes, is a 400 naming the field, and
     * the name of another live token of theirs (ignoring case) a 409.
     */
    public NewApiToken create(long ownerId, String name, Collection<String> scopes) {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name: must not be blank");
        } else if (name.strip().length() > MAX_NAME_CHARS) {
            problems.add("name: at most " + MAX_NAME_CHARS + " characters");
        }
        StoredText.check("name", name, problems);
        Set<TokenScope> granted = EnumSet.noneOf(TokenScope.class);
        if (scopes == null || scopes.isEmpty()) {
            problems.add("scopes: choose at least one of " + TokenScope.allKeys());
        } else {
            for (String scope : scopes) {
                TokenScope.fromKey(scope).ifPresentOrElse(granted::add, () -> problems.add(
                        "scopes: unknown scope '" + scope + "' (allowed: " + TokenScope.allKeys() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid token request", problems);
        }
        // The export history names a token by its owner and name: two live tokens of one owner must differ. Checked
        // here to name the token in the way; the unique index on live_name holds the rule when two requests race.
        String liveName = name.strip().toLowerCase(Locale.ROOT);
        sameName(ownerId, liveName).ifPresent(taken -> {
            throw nameTaken(taken);
        });
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = ids.next("api_token_seq");
        try {
            jdbc.update("insert into api_token (id, user_id, name, live_name, scopes, secret_hash, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    id, ownerId, name.strip(), liveName, granted.stream().map(TokenScope::key)
                            .collect(Collectors.joining(",")), hash(token), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            // Another request took the name meanwhile; PostgreSQL reads nothing more in this transaction.
            throw nameTaken(name.strip());
        }
        audit.record("token.created", "token " + id + " '" + name.strip() + "' may "
                + TokenScope.keys(granted));
        return new NewApiToken(id, token);
    }

    /** The name, as written, of this owner's live token with this lower-cased name, if there is one. */
    private Optional<String> sameName(long ownerId, String liveName) {
        return jdbc.queryForList("select name from api_token where user_id = ? and live_name = ?", String.class,
                ownerId, liveName).stream().findFirst();
    }

    private static ApiException nameTaken(String taken) {
        return new ApiException(HttpStatus.CONFLICT, "You already have a live token named '" + taken
                + "': choose another name, or revoke that one first");
    }

    /** This user's live tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> list(long ownerId) {
        return jdbc.query("select id, name, scopes, created_at, last_used_at from api_token "
                        + "where user_id = ? and revoked_at is null order by created_at desc, id desc",
                (rs, row) -> {
                    Timestamp lastUsed = rs.getTimestamp(5);
                    return new ApiTokenInfo(rs.getLong(1), rs.getString(2), scopes(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), lastUsed == null ? null : lastUsed.toInstant());
                }, ownerId);
    }

    /** Revokes one of this user's tokens; from now on it is refused. Another's or an unknown token is a 404. */
    public void revoke(long ownerId, long tokenId) {
        int revoked = jdbc.update("update api_token set revoked_at = ?, live_name = null "
                        + "where id = ? and user_id = ? and revoked_at is null",
                Timestamp.from(Instant.now()), tokenId, ownerId);
        if (revoked == 0) {
            throw ApiException.notFound("No live token " + tokenId + " of yours");
        }
        audit.record("token.revoked", "token " + tokenId);
    }

    /**
     * The authentication this secret stands for: empty if unknown, revoked, or its owner may not sign in. Every
     * call with a token comes through here, so it is one query for the token, its owner and the owner's roles, and
     * the token's last use is written at most once per {@link #LAST_USE_STEP}: a bot judging with a token must not
     * pay a durable write per call for a time the Tokens view shows to the minute.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<TokenAuthentication> authenticate(String token) {
        record Row(long tokenId, String name, String scopes, Timestamp lastUsed, long userId, String username,
                String passwordHash, boolean enabled, String role) {
        }
        List<Row> rows = jdbc.query("""
                select t.id, t.name, t.scopes, t.last_used_at, u.id, u.username, u.password_hash, u.enabled, r.role
                from api_token t join app_user u on u.id = t.user_id left join user_role r on r.user_id = u.id
                where t.secret_hash = ? and t.revoked_at is null""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)),
                hash(token));
        if (rows.isEmpty() || !rows.get(0).enabled()) {
            return Optional.empty();
        }
        Row found = rows.get(0);
        Instant now = Instant.now();
        Timestamp stale = Timestamp.from(now.minus(LAST_USE_STEP));
        if (found.lastUsed() == null || found.lastUsed().before(stale)) {
            // The condition again in the update: calls racing here write it once.
            jdbc.update("update api_token set last_used_at = ? "
                            + "where id = ? and (last_used_at is null or last_used_at < ?)",
                    Timestamp.from(now), found.tokenId(), stale);
        }
        SignedInUser user = SignedInUser.withRoles(found.userId(), found.username(), found.passwordHash(), true, true,
                rows.stream().map(Row::role).toList());
        return Optional.of(new TokenAuthentication(user, found.tokenId(), found.name(), scopes(found.scopes())));
    }

    private static Set<TokenScope> scopes(String stored) {
        return Arrays.stream(stored.split(",")).map(s -> TokenScope.fromKey(s).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
