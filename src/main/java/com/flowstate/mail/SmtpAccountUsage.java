package com.flowstate.mail;

import java.util.List;

/**
 * Finds what uses an SMTP account by its name. The features that name accounts (the actions, the export templates)
 * contribute one each, so this package need not know them: they depend on it, not the other way round.
 */
public interface SmtpAccountUsage {

    List<SmtpAccountUse> usesOf(String accountName);
}
