package com.flowstate.security;

import org.springframework.context.ApplicationContext;

/**
 * Lets a test or benchmark outside this package check every HTTP Basic password with bcrypt again (the benchmark's
 * baseline), and see how many verified credentials are remembered.
 */
public final class CredentialCacheSwitch {

    private CredentialCacheSwitch() {
    }

    public static void bypass(ApplicationContext context, boolean bypass) {
        context.getBean(VerifiedCredentialCache.class).bypass(bypass);
    }

    public static long size(ApplicationContext context) {
        return context.getBean(VerifiedCredentialCache.class).size();
    }
}
