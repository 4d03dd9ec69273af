package com.flowstate.mail;

/** No SMTP account has this id (any more). */
public class SmtpAccountNotFoundException extends RuntimeException {

    SmtpAccountNotFoundException(long id) {
        super("No SMTP account with id " + id);
    }
}
