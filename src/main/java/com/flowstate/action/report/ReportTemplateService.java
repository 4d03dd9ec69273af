package com.flowstate.action.report;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Report templates (.docx), referenced by name from the flows. */
@Service
public class ReportTemplateService {

    /** The media type of a .docx, of templates and of the reports made from them. */
    public static final String DOCX_CONTENT_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String SELECT = "select id, name, length(docx) size, updated_at from report_template ";

    private final JdbcClient jdbc;
    private final ReportFiller filler;

    ReportTemplateService(JdbcClient jdbc, ReportFiller filler) {
        this.jdbc = jdbc;
        this.filler = filler;
    }

    /**
     * Creates the template, or replaces the one with the same name. It is filled once with sample data first, so a
     * template that could never produce a report (not a .docx, a misspelt placeholder) is refused here, where the
     * person uploading it can fix it, rather than when a flow sends it to a customer.
     *
     * @throws IllegalArgumentException with the reason when the template cannot be filled
     */
    @Transactional
    public ReportTemplate save(String name, byte[] docx) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A report template needs a name");
        }
        if (docx == null || docx.length == 0) {
            throw new IllegalArgumentException("Report template '" + name + "' is empty");
        }
        try {
            filler.check(docx);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Report template '" + name + "' cannot be filled: " + e.getMessage(), e);
        }
        jdbc.sql("""
                        insert into report_template (name, docx) values (?, ?)
                        on conflict (name) do update set docx = excluded.docx, updated_at = now()""")
                .params(name.strip(), docx).update();
        return findByName(name.strip()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ReportTemplate> findByName(String name) {
        return jdbc.sql(SELECT + "where name = ?").param(name).query(ReportTemplate.class).optional();
    }

    @Transactional(readOnly = true)
    public List<ReportTemplate> findAll() {
        return jdbc.sql(SELECT + "order by name").query(ReportTemplate.class).list();
    }

    /** The template's .docx, to fill it or to download it for editing. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(String name) {
        return jdbc.sql("select docx from report_template where name = ?").param(name).query(byte[].class).optional();
    }
}
