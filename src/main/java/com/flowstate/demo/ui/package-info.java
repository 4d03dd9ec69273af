/**
 * Demo-only pages: the mailbox of the local SMTP sink, so a demo shows the e-mails the flows really sent.
 */
package com.flowstate.demo.ui;
