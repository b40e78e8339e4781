package org.lafaom.platform.users;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start: makes sure the contract's roles exist and {@code super_admin} holds every permission,
 * then creates the first administrator from {@code LAFAOM_ADMIN_EMAIL}/{@code LAFAOM_ADMIN_PASSWORD}
 * if that account does not exist yet. There is no default password: without both settings no
 * administrator is created. An existing account is never modified.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    @ConfigurationProperties("lafaom.bootstrap-admin")
    record Settings(String email, String password) {}

    private final Settings settings;
    private final GrantRepository grants;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final JdbcClient jdbc;

    AdminBootstrap(Settings settings, GrantRepository grants, UserRepository users, PasswordHasher hasher, JdbcClient jdbc) {
        this.settings = settings;
        this.grants = grants;
        this.users = users;
        this.hasher = hasher;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Replicas starting together must not create the roles or the administrator twice.
        jdbc.sql("SELECT pg_advisory_xact_lock(7261001)").query(Object.class).single();
        int superAdmin = ensureRole(GrantRepository.SUPER_ADMIN, "Every permission");
        ensureRole("manager", "Staff manager");
        ensureRole("visitor", "Read-only visitor");
        Arrays.stream(Permission.values()).forEach(p -> grants.grantToRole(superAdmin, p.value()));
        createFirstAdministrator(superAdmin);
    }

    private int ensureRole(String name, String description) {
        return grants.roleByName(name).map(UserViews.RoleOut::id).orElseGet(() -> grants.createRole(name, description));
    }

    private void createFirstAdministrator(int superAdminRole) {
        String email = settings.email() == null ? "" : settings.email().trim().toLowerCase(Locale.ROOT);
        String password = settings.password() == null ? "" : settings.password();
        if (email.isEmpty() || password.isEmpty()) {
            log.info("LAFAOM_ADMIN_EMAIL/LAFAOM_ADMIN_PASSWORD not set: no administrator bootstrapped");
            return;
        }
        if (users.emailTaken(email, null)) {
            return;
        }
        if (!PasswordHasher.isAcceptable(password)) {
            throw new IllegalStateException("LAFAOM_ADMIN_PASSWORD must have between 8 and 128 characters");
        }
        String id = org.lafaom.platform.shared.Ids.newId();
        users.insert(new NewUser(id, "Admin", "LAFAOM", null, null, null, null, null, email, hasher.hash(password),
                UserStatus.ACTIVE.value(), "fr", null, UserType.ADMIN.value(), false));
        grants.assignRole(id, superAdminRole);
        log.info("Created the first administrator account {}", email);
    }
}
