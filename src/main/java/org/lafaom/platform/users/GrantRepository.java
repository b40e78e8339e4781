package org.lafaom.platform.users;

import java.util.List;
import java.util.Optional;
import org.lafaom.platform.users.UserViews.PermissionOut;
import org.lafaom.platform.users.UserViews.RoleOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roles ({@code role}, {@code user_role}) and permission grants ({@code user_permission}). */
@Repository
class GrantRepository {

    static final String SUPER_ADMIN = "super_admin";

    private final JdbcClient jdbc;
    private final UserCache cache;

    GrantRepository(JdbcClient jdbc, UserCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    List<RoleOut> roles() {
        return jdbc.sql("SELECT id, name, description FROM role WHERE delete_at IS NULL ORDER BY id").query(RoleOut.class).list();
    }

    Optional<RoleOut> role(int id) {
        return jdbc.sql("SELECT id, name, description FROM role WHERE id = :id AND delete_at IS NULL")
                .param("id", id).query(RoleOut.class).optional();
    }

    Optional<RoleOut> roleByName(String name) {
        return jdbc.sql("SELECT id, name, description FROM role WHERE name = :n AND delete_at IS NULL ORDER BY id LIMIT 1")
                .param("n", name).query(RoleOut.class).optional();
    }

    int createRole(String name, String description) {
        return jdbc.sql("INSERT INTO role (created_at, updated_at, name, description) VALUES (now(), now(), :n, :d) RETURNING id")
                .param("n", name).param("d", description).query(Integer.class).single();
    }

    List<RoleOut> rolesOf(String userId) {
        return jdbc.sql("""
                SELECT r.id, r.name, r.description FROM role r JOIN user_role ur ON ur.role_id = r.id
                WHERE ur.user_id = :u AND r.delete_at IS NULL ORDER BY r.id""")
                .param("u", userId).query(RoleOut.class).list();
    }

    boolean hasRole(String userId, String roleName) {
        return jdbc.sql("""
                SELECT count(*) FROM user_role ur JOIN role r ON r.id = ur.role_id
                WHERE ur.user_id = :u AND r.name = :n AND r.delete_at IS NULL""")
                .param("u", userId).param("n", roleName).query(Long.class).single() > 0;
    }

    void assignRole(String userId, int roleId) {
        cache.evict(userId);
        jdbc.sql("INSERT INTO user_role (user_id, role_id) VALUES (:u, :r) ON CONFLICT DO NOTHING")
                .param("u", userId).param("r", roleId).update();
    }

    int revokeRole(String userId, int roleId) {
        cache.evict(userId);
        return jdbc.sql("DELETE FROM user_role WHERE user_id = :u AND role_id = :r").param("u", userId).param("r", roleId).update();
    }

    /** Grants held directly or through any role of the user, as the old backend listed them. */
    List<PermissionOut> grantsOf(String userId) {
        return jdbc.sql("""
                SELECT p.user_id, p.role_id, p.permission FROM user_permission p
                WHERE p.delete_at IS NULL AND (p.user_id = :u OR p.role_id IN (SELECT role_id FROM user_role WHERE user_id = :u))
                ORDER BY p.permission, p.id""")
                .param("u", userId).query(PermissionOut.class).list();
    }

    void grantToUser(String userId, String permission) {
        cache.evict(userId);
        jdbc.sql("""
                INSERT INTO user_permission (created_at, updated_at, user_id, permission)
                SELECT now(), now(), :u, :p WHERE NOT EXISTS (
                    SELECT 1 FROM user_permission WHERE user_id = :u AND permission = :p AND delete_at IS NULL)""")
                .param("u", userId).param("p", permission).update();
    }

    void revokeFromUser(String userId, String permission) {
        cache.evict(userId);
        jdbc.sql("DELETE FROM user_permission WHERE user_id = :u AND permission = :p").param("u", userId).param("p", permission).update();
    }

    void grantToRole(int roleId, String permission) {
        cache.evictAll();
        jdbc.sql("""
                INSERT INTO user_permission (created_at, updated_at, role_id, permission)
                SELECT now(), now(), :r, :p WHERE NOT EXISTS (
                    SELECT 1 FROM user_permission WHERE role_id = :r AND permission = :p AND delete_at IS NULL)""")
                .param("r", roleId).param("p", permission).update();
    }
}
