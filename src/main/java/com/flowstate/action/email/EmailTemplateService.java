package com.flowstate.action.email;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** E-mail templates, referenced by name from the flows. */
@Service
public class EmailTemplateService {

    private static final String SELECT = "select id, name, subject, body_html, body_text from email_template ";

    private final JdbcClient jdbc;
    private final EmailRenderer renderer;

    EmailTemplateService(JdbcClient jdbc, EmailRenderer renderer) {
        this.jdbc = jdbc;
        this.renderer = renderer;
    }

    /**
     * Creates the template, or replaces the one with the same name.
     *
     * @throws IllegalArgumentException when subject or a body is not valid Mustache
     */
    @Transactional
    public EmailTemplate save(String name, String subject, String bodyHtml, String bodyText) {
        renderer.check(subject, bodyHtml, bodyText);
        jdbc.sql("""
                        insert into email_template (name, subject, body_html, body_text) values (?, ?, ?, ?)
                        on conflict (name) do update set subject = excluded.subject, body_html = excluded.body_html,
                            body_text = excluded.body_text, updated_at = now()""")
                .params(name, subject, bodyHtml, bodyText).update();
        return findByName(name).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<EmailTemplate> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(EmailTemplate.class).optional();
    }

    @Transactional(readOnly = true)
    public List<EmailTemplate> findAll() {
        return jdbc.sql(SELECT + "order by name").query(EmailTemplate.class).list();
    }
}
