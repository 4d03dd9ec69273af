/**
 * Partners and users run from the admin views (issue 11, item 1): partner companies with their kind and zones,
 * deactivated and reactivated without losing history; users with their roles and company, a password reset that makes
 * the user choose a new one, and the sign-in throttle's lock lifted. Every change leaves one audit row. Its own module
 * because it joins three others (partner, security, audit) that must not depend on each other through it.
 */
package com.flowstate.directory;
