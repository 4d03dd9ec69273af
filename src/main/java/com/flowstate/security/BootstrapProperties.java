package com.flowstate.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First start outside the demo.
 *
 * @param adminPassword password of the first admin ({@code FLOWSTATE_ADMIN_PASSWORD}); used once, only while the
 *                      database has no user at all. There is no default.
 * @param platformName  name of the platform company created with it
 */
@ConfigurationProperties("flowstate.bootstrap")
public record BootstrapProperties(String adminPassword, String platformName) {
}
