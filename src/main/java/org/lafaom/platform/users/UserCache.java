package org.lafaom.platform.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.lafaom.platform.users.UserAccounts.AccessProfile;
import org.lafaom.platform.users.UserViews.UserFullOut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps, for a few seconds, what every authenticated request reads: the token's access profile
 * (status, permissions, revocation) and the full user of {@code /auth/me}. Every write through this
 * module evicts the user at once, so on this replica a change is seen immediately; another replica
 * sees it within {@code lafaom.users.cache-ttl} (default 5 s). Set it to 0 to read through always.
 * The sizes bound what the caches may take of a small heap (a few MB, permissions being shared
 * strings); past them the oldest entries are simply read again.
 */
@Component
class UserCache {

    private final boolean enabled;
    private final Cache<String, Optional<AccessProfile>> profiles;
    private final Cache<String, UserFullOut> fullUsers;

    UserCache(@Value("${lafaom.users.cache-ttl:5s}") Duration ttl) {
        this.enabled = !ttl.isZero();
        this.profiles = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(enabled ? ttl : Duration.ofNanos(1)).build();
        this.fullUsers = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(enabled ? ttl : Duration.ofNanos(1)).build();
    }

    Optional<AccessProfile> profile(String userId, String jti, Supplier<Optional<AccessProfile>> load) {
        return enabled ? profiles.get(userId + "|" + jti, k -> load.get()) : load.get();
    }

    UserFullOut fullUser(String userId, Supplier<UserFullOut> load) {
        return enabled ? fullUsers.get(userId, k -> load.get()) : load.get();
    }

    /** Evicts now and again after the surrounding transaction commits, so no stale read is re-cached. */
    void evict(String userId) {
        afterCommitToo(() -> {
            fullUsers.invalidate(userId);
            String prefix = userId + "|";
            profiles.asMap().keySet().removeIf(key -> key.startsWith(prefix));
        });
    }

    /** A role's grants changed: anyone may hold it. */
    void evictAll() {
        afterCommitToo(() -> {
            fullUsers.invalidateAll();
            profiles.invalidateAll();
        });
    }

    private static void afterCommitToo(Runnable eviction) {
        org.lafaom.platform.shared.AfterTransaction.nowAndAtEnd(eviction);
    }
}
