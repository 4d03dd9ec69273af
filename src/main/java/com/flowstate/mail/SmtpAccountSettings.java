package com.flowstate.mail;

/**
 * What an admin sets on an SMTP account (the REST body of a create or an edit, and the view's form).
 *
 * @param password              write-only: null or empty on an edit keeps the stored one
 * @param connectTimeoutSeconds 1 to {@value SmtpAccountService#MAX_CONNECT_TIMEOUT}
 * @param readTimeoutSeconds    1 to {@value SmtpAccountService#MAX_READ_TIMEOUT}
 */
public record SmtpAccountSettings(String name, String host, Integer port, SmtpSecurity security, String username,
                                  String password, String fromAddress, String fromName, Integer connectTimeoutSeconds,
                                  Integer readTimeoutSeconds) {

    /** Never the password, whoever logs or prints this. */
    @Override
    public String toString() {
        return "SmtpAccountSettings[name=" + name + ", host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***")
                + ", fromAddress=" + fromAddress + ", fromName=" + fromName + ", connectTimeoutSeconds="
                + connectTimeoutSeconds + ", readTimeoutSeconds=" + readTimeoutSeconds + "]";
    }
}
