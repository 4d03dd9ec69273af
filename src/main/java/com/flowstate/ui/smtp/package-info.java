/**
 * The admins' SMTP accounts view (issue 11): the list, a form to create and edit an account (the password is
 * write-only), its connection test and its deletion. It lives beside the shell rather than in {@code mail.ui}
 * because the shell already depends on {@code mail} (the demo mailbox), so {@code mail} cannot depend on the shell's
 * {@code AdminSection} (decision 0031).
 */
package com.flowstate.ui.smtp;
