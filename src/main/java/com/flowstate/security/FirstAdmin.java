package com.flowstate.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.partner.CompanyKind;
import com.flowstate.partner.CompanyService;

/**
 * Outside the demo nobody has a default password: the first admin exists only if the operator chose its password
 * ({@code FLOWSTATE_ADMIN_PASSWORD}) for the first start.
 */
@Component
@Profile("!demo")
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final JdbcClient jdbc;
    private final CompanyService companies;
    private final UserService users;
    private final BootstrapProperties properties;

    FirstAdmin(JdbcClient jdbc, CompanyService companies, UserService users, BootstrapProperties properties) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.users = users;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void createIfNone() {
        if (jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.length() < 8) {
            log.warn("No user exists yet. Set FLOWSTATE_ADMIN_PASSWORD (8+ characters) and restart to create "
                    + "the first admin, 'admin'.");
            return;
        }
        var platform = companies.findByName(properties.platformName())
                .orElseGet(() -> companies.create(properties.platformName(), CompanyKind.PLATFORM, null));
        users.create("admin", password, "Administrator", null, platform.id(), EnumSet.of(Role.ADMIN, Role.INTERNAL));
        log.info("Created the first admin, 'admin', with the password from FLOWSTATE_ADMIN_PASSWORD");
    }
}
