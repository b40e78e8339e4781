package org.lafaom.platform.users;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.lafaom.platform.users.UserViews.UserFullOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users module's API for other modules (sign-in, tokens, later registrations): look accounts up,
 * check and change passwords, and revoke sessions. Publishes {@link UserSessionsRevoked}.
 */
@Service
@Transactional(readOnly = true)
public class UserAccounts {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final UserCache cache;

    UserAccounts(UserRepository users, PasswordHasher hasher, JdbcClient jdbc, ApplicationEventPublisher events, UserCache cache) {
        this.users = users;
        this.hasher = hasher;
        this.jdbc = jdbc;
        this.events = events;
        this.cache = cache;
    }

    /** What the bearer-token filter needs on each request, in one round trip. */
    public record AccessProfile(
            String userId, String status, OffsetDateTime sessionsRevokedAt, Set<String> permissions, boolean tokenRevoked) {}

    /**
     * The account's status, revocation instant and effective permissions, and whether the token
     * {@code jti} was logged out.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<AccessProfile> accessProfile(String userId, String jti) {
        return cache.profile(userId, jti, () -> loadAccessProfile(userId, jti));
    }

    private Optional<AccessProfile> loadAccessProfile(String userId, String jti) {
        return jdbc.sql("""
                SELECT u.id, u.status, u.sessions_revoked_at,
                       ARRAY(SELECT DISTINCT p.permission FROM user_permission p
                             WHERE p.delete_at IS NULL AND (p.user_id = u.id
                                OR p.role_id IN (SELECT ur.role_id FROM user_role ur WHERE ur.user_id = u.id))) AS permissions,
                       EXISTS (SELECT 1 FROM auth_revoked_access_token r WHERE r.jti = :jti) AS revoked
                FROM users u WHERE u.id = :id AND u.delete_at IS NULL""")
                .param("id", userId)
                .param("jti", jti)
                .query((rs, i) -> new AccessProfile(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        permissions((String[]) rs.getArray(4).getArray()),
                        rs.getBoolean(5)))
                .optional();
    }

    /** The query's DISTINCT makes them unique; each is swapped for the shared instance of its value. */
    private static Set<String> permissions(String[] stored) {
        for (int i = 0; i < stored.length; i++) {
            stored[i] = Permission.canonical(stored[i]);
        }
        return Set.of(stored);
    }

    /** Logs one access token out until it expires (the table is the sessions' deny list). */
    @Transactional
    public void revokeToken(String userId, String jti, java.time.Instant expiresAt) {
        cache.evict(userId);
        jdbc.sql("INSERT INTO auth_revoked_access_token (jti, expires_at) VALUES (:j, :e) ON CONFLICT DO NOTHING")
                .param("j", jti).param("e", expiresAt.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    public Optional<UserCredentials> findByEmail(String email) {
        return users.findCredentialsByEmail(email);
    }

    public Optional<UserCredentials> findById(String id) {
        return users.findCredentialsById(id);
    }

    /**
     * Checks a password in constant time whether or not the account exists, and re-hashes legacy
     * bcrypt hashes (and Argon2id hashes of older settings) on success. Runs outside any
     * transaction: a hash takes a tenth of a second, and holding a pooled connection that long per
     * sign-in would let a burst of sign-ins starve every other request of connections.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<UserCredentials> authenticate(String email, String password) {
        Optional<UserCredentials> user = email == null ? Optional.empty() : users.findCredentialsByEmail(email);
        String storedHash = user.map(UserCredentials::password).orElse(null);
        boolean ok = hasher.matches(password, storedHash);
        if (!ok || user.isEmpty()) {
            return Optional.empty();
        }
        if (hasher.needsUpgrade(storedHash)) {
            // Only if the password did not change meanwhile: the old one must not come back.
            users.replacePasswordHash(user.get().id(), storedHash, hasher.hash(password));
        }
        return user;
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean passwordMatches(String userId, String password) {
        return users.findCredentialsById(userId).map(u -> hasher.matches(password, u.password())).orElse(false);
    }

    @Transactional
    public void recordLogin(String userId) {
        users.touchLastLogin(userId);
    }

    /** Sets a new password; {@code everywhere} also refuses every token issued before now. */
    @Transactional
    public void setPassword(String userId, String newPassword, boolean everywhere) {
        if (!PasswordHasher.isAcceptable(newPassword)) {
            throw new ApiException(ErrorCode.WEAK_PASSWORD);
        }
        users.update(userId, Map.of("password", hasher.hash(newPassword)));
        if (everywhere) {
            users.revokeSessions(userId, OffsetDateTime.now());
        }
        events.publishEvent(new UserSessionsRevoked(userId));
    }

    @Transactional
    public void revokeAllSessions(String userId) {
        users.revokeSessions(userId, OffsetDateTime.now());
        events.publishEvent(new UserSessionsRevoked(userId));
    }

    public boolean emailTaken(String email, String exceptUserId) {
        return users.emailTaken(email, exceptUserId);
    }

    @Transactional
    public void changeEmail(String userId, String email) {
        if (users.emailTaken(email, userId)) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_TAKEN);
        }
        users.update(userId, Map.of("email", email.trim().toLowerCase(Locale.ROOT)));
        events.publishEvent(new UserProfileChanged(userId));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public UserFullOut fullUser(String userId) {
        return cache.fullUser(userId, () -> users.findFull(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND)));
    }

    /** Creates an account; {@code passwordHash} may be null for accounts that must set one by link. */
    @Transactional
    public String create(NewAccount account) {
        if (users.emailTaken(account.email(), null)) {
            throw new ApiException(ErrorCode.EMAIL_ALREADY_TAKEN);
        }
        String id = org.lafaom.platform.shared.Ids.newId();
        users.insert(new NewUser(id, account.firstName(), account.lastName(), null, null, account.countryCode(),
                account.mobileNumber(), null, account.email().trim().toLowerCase(Locale.ROOT),
                account.password() == null ? "!" : hasher.hash(account.password()), account.status(),
                account.lang() == null ? "fr" : account.lang(), null, account.userType(), false));
        return id;
    }

    /** The accounts of these ids that still exist, in the order they were created. */
    public java.util.List<UserViews.UserSimpleOut> simpleUsers(java.util.List<String> ids) {
        return users.findSimple(ids);
    }

    /** What Moodle needs to know about a person. */
    public record MoodleIdentity(String id, String email, String firstName, String lastName, Integer moodleUserId, String status) {}

    /** The person as Moodle should know them; a soft-deleted account reads as status {@code deleted}. */
    public Optional<MoodleIdentity> moodleIdentity(String userId) {
        return moodleIdentities(List.of(userId)).stream().findFirst();
    }

    public List<MoodleIdentity> moodleIdentities(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, email, first_name, last_name, moodle_user_id,
                       CASE WHEN delete_at IS NULL THEN status ELSE 'deleted' END AS status
                FROM users WHERE id IN (:ids)""")
                .param("ids", userIds).query(MoodleIdentity.class).list();
    }

    /** Backend user ids of these Moodle accounts, for those linked to one. */
    public Map<Integer, String> usersByMoodleIds(Collection<Integer> moodleUserIds) {
        if (moodleUserIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT moodle_user_id, id FROM users WHERE moodle_user_id IN (:ids)")
                .param("ids", moodleUserIds)
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    @Transactional
    public void setMoodleUserId(String userId, int moodleUserId) {
        users.update(userId, Map.of("moodle_user_id", moodleUserId));
    }

    /** A new account asked for by another module (first administrator, student, firm). */
    public record NewAccount(
            String email, String password, String firstName, String lastName, String userType, String status,
            String lang, String countryCode, String mobileNumber) {}
}
