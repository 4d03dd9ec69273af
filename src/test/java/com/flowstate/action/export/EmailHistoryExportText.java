package com.flowstate.action.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ApplicationContext;

import com.flowstate.security.PartnerScope;

/**
 * The E-mail tab exported as CSV, as an export template of type EMAIL_HISTORY writes it (all columns, no filter),
 * for tests outside this package that look into an export (mail.SmtpAccountsIT: no password in it).
 */
public final class EmailHistoryExportText {

    private EmailHistoryExportText() {
    }

    public static String csv(ApplicationContext context) throws IOException {
        Path file = Files.createTempFile("email-history-", ".csv");
        try {
            context.getBean(ExportGenerator.class).generate(ExportTemplate.of("password-check", ExportType.EMAIL_HISTORY,
                    ExportExtension.CSV, "INSTALLER", "unused"), PartnerScope.everything(), file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
