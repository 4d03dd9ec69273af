package com.flowstate.action.export;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

import com.flowstate.mail.OutgoingMail;

/**
 * The e-mail that carries an export: the file attached, or a link to it when it is too large to attach. Italian
 * first (the platform's language), English below.
 */
final class ExportMail {

    private ExportMail() {
    }

    static OutgoingMail attached(String messageId, String to, ExportTemplate template, StoredExportFile file,
                                 byte[] content) {
        String it = "In allegato l'esportazione «" + template.name() + "»: " + rows(file) + " righe nel file "
                + file.fileName() + " (" + size(file.fileSize()) + ").";
        String en = "Attached is the export \"" + template.name() + "\": " + rows(file) + " rows in "
                + file.fileName() + ".";
        return new OutgoingMail(messageId, to, List.of(), subject(template, file), html(it, en, null),
                it + "\n\n" + en + "\n", List.of(new OutgoingMail.Attachment(file.fileName(), file.contentType(),
                content)));
    }

    static OutgoingMail linked(String messageId, String to, ExportTemplate template, StoredExportFile file,
                               String url) {
        String it = "L'esportazione «" + template.name() + "» (" + rows(file) + " righe, " + size(file.fileSize())
                + ") è troppo grande per un allegato: scaricala con le tue credenziali Flowstate da";
        String en = "The export \"" + template.name() + "\" is too large to attach: download it with your Flowstate "
                + "credentials from";
        return new OutgoingMail(messageId, to, List.of(), subject(template, file), html(it, en, url),
                it + "\n" + url + "\n\n" + en + "\n" + url + "\n", List.of());
    }

    private static String subject(ExportTemplate template, StoredExportFile file) {
        return "Esportazione " + template.name() + " – " + rows(file) + " righe (" + file.fileName() + ")";
    }

    private static String html(String it, String en, String url) {
        String link = url == null ? "" : " <a href=\"" + HtmlUtils.htmlEscape(url) + "\">"
                + HtmlUtils.htmlEscape(url) + "</a>";
        return "<p>" + HtmlUtils.htmlEscape(it) + link + "</p><p>" + HtmlUtils.htmlEscape(en) + link + "</p>";
    }

    private static String rows(StoredExportFile file) {
        return String.format(Locale.ITALY, "%,d", file.rowCount());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ITALY, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ITALY, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
