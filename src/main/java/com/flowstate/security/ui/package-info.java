/**
 * The sign-in page of the UI, which is also Camunda Cockpit's through single sign-on. It lives with security, not in
 * the application shell, so that security never depends on the shell.
 */
package com.flowstate.security.ui;
