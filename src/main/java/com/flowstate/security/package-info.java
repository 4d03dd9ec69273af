/**
 * Who may do what: users in the app database (bcrypt), roles ADMIN, DESIGNER, INTERNAL, PARTNER, the partner scope a
 * user's queries run in ({@link com.flowstate.security.PartnerScope}), the two security chains (HTTP Basic for
 * {@code /api} and {@code /engine-rest}, the Vaadin login for the rest), Cockpit single sign-on, and the guards on
 * the engine REST API (a deployment with running opportunities is deleted only by an admin who confirms the count).
 * Sign-ins are throttled per username and client address with counts in PostgreSQL ({@code LoginThrottle}),
 * state-changing requests from other sites' pages are refused ({@code CrossOriginGuard}), and every response carries
 * a Content-Security-Policy ({@code ContentSecurityPolicy}); see decision 0016. API clients may also send a user's
 * own API token ({@code Authorization: Bearer}, {@link com.flowstate.security.ApiTokenService}), and a password bcrypt
 * verified is remembered for a few minutes ({@code VerifiedCredentialCache}); see decision 0026.
 */
package com.flowstate.security;
