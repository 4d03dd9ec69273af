/**
 * The E-mail tab of the action history (its grid, filters and the provider that contributes it), and the admin view
 * of e-mail templates ({@code admin/email-templates}): list, edit per language, placeholder picker, preview.
 */
package com.flowstate.action.email.ui;
