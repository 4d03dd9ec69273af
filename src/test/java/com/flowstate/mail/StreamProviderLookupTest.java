package com.flowstate.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import jakarta.mail.util.StreamProvider;

class StreamProviderLookupTest {

    @Test
    void sendingNamesAngusMailsStreamProviderSoJakartaMailSkipsItsClassPathWalk() throws Exception {
        Class.forName(SmtpMailer.class.getName(), true, getClass().getClassLoader());

        assertThat(System.getProperty(StreamProviderLookup.PROPERTY)).isEqualTo(StreamProviderLookup.ANGUS);
        // The name must stay the implementation's (an Angus upgrade that moved it would quietly bring the walk back).
        assertThat(StreamProviderLookup.ANGUS).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    @Test
    void aProviderGivenToTheJvmIsKept() {
        String given = System.getProperty(StreamProviderLookup.PROPERTY);
        try {
            System.setProperty(StreamProviderLookup.PROPERTY, "example.GivenProvider");
            StreamProviderLookup.pin();
            assertThat(System.getProperty(StreamProviderLookup.PROPERTY)).isEqualTo("example.GivenProvider");
        } finally {
            if (given == null) {
                System.clearProperty(StreamProviderLookup.PROPERTY);
            } else {
                System.setProperty(StreamProviderLookup.PROPERTY, given);
            }
        }
    }
}
