package com.flowstate.mail;

/**
 * Jakarta Mail 2.1 finds its {@code StreamProvider} anew each time it builds a MIME part, a multipart or decodes a
 * header: a {@code ServiceLoader} walk over every jar of the class path (jakartaee/mail-api#861). In the action
 * benchmark that walk was a fifth of the job executor's CPU (docs/decisions/0025). Its finder reads a system property
 * named after the interface first; naming Angus Mail's implementation there turns the walk into a lookup of an
 * already loaded class. A value given on the command line is kept.
 */
final class StreamProviderLookup {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private StreamProviderLookup() {
    }

    /** Names Angus Mail's stream provider for Jakarta Mail's finder, unless the JVM was given one. */
    static void pin() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
