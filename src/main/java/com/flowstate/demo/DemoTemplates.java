package com.flowstate.demo;

import java.util.List;

/** The demo's e-mail templates, in Italian like the demo flow. */
final class DemoTemplates {

    record Template(String name, String subject, String html, String text) {
    }

    private DemoTemplates() {
    }

    static List<Template> all() {
        return List.of(
                template("welcome", "Benvenuto in Solare Italia, {{customer.name}}",
                        "grazie per averci contattato per l'impianto fotovoltaico di {{opportunity.city}}. "
                                + "Un nostro referente la richiamerà a breve."),
                template("follow-up-reminder", "Ricontattare {{customer.name}} ({{opportunity.name}})",
                        "il contatto {{customer.name}} ({{customer.phone}}) è ancora nello stato "
                                + "\"{{substate.name}}\": è il momento di richiamarlo."),
                template("site-survey-request", "Richiesta sopralluogo: {{opportunity.name}}",
                        "vi chiediamo di fissare un sopralluogo presso {{customer.name}}, {{opportunity.street}}, "
                                + "{{opportunity.postalCode}} {{opportunity.city}} ({{opportunity.province}})."),
                template("site-survey-done", "Esito del sopralluogo",
                        "il sopralluogo di {{installer.name}} è concluso: a breve riceverà la richiesta dei documenti."),
                template("documents-request", "Documenti necessari per il suo impianto",
                        "per proseguire ci servono: documento d'identità, ultima bolletta, visura catastale."),
                template("documents-received", "Documenti ricevuti: {{opportunity.name}}",
                        "il cliente {{customer.name}} ha inviato i documenti; la convalida può iniziare."),
                template("validation-notice", "Documentazione in convalida: {{opportunity.name}}",
                        "la documentazione di {{customer.name}} è in convalida; l'offerta seguirà a breve."),
                template("offer-sent", "La sua offerta Solare Italia",
                        "le inviamo l'offerta per l'impianto di {{opportunity.city}}. Il suo venditore "
                                + "{{seller.name}} resta a disposizione."),
                template("contract-to-sign", "Contratto da firmare: {{opportunity.name}}",
                        "il cliente {{customer.name}} ha accettato l'offerta: preparate il contratto."),
                template("welcome-aboard", "Benvenuto a bordo, {{customer.name}}!",
                        "il contratto è firmato. L'installatore {{installer.name}} la contatterà per l'installazione."));
    }

    private static Template template(String name, String subject, String body) {
        String text = "Gentile {{customer.name}},\n\n" + body + "\n\nSolare Italia S.p.A.";
        String html = "<p>Gentile {{customer.name}},</p><p>" + body.replace("\"", "&quot;")
                + "</p><p>Solare Italia S.p.A.</p>";
        return new Template(name, subject, html, text);
    }
}
