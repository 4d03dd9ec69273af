package com.flowstate.action.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.flowstate.action.TemplateFieldException;
import com.flowstate.action.TemplateInUseException;
import com.flowstate.action.TemplateNotFoundException;
import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;
import com.flowstate.audit.AuditTrail;
import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.FlowReferences;
import com.flowstate.flow.Trigger;
import com.flowstate.opportunity.Opportunity;
import com.flowstate.opportunity.OpportunityService;
import com.flowstate.security.PartnerScope;

/**
 * Report templates as admins manage them (issue 11): upload a .docx (checked by filling it with sample data, the
 * reason at the file when it cannot be), see its placeholders, preview it filled for a real opportunity, delete it
 * unless a deployed flow sends it. Every change leaves an audit row whose before/after carry the content's digest.
 */
@Service
public class ReportTemplateAdmin {

    /** The largest template accepted; a report template is a letter with a table, not a brochure. */
    public static final int MAX_SIZE = 5 * 1024 * 1024;
    static final int NAME_MAX = 100;

    private final ReportTemplateService templates;
    private final ReportFiller filler;
    private final ReportModel model;
    private final OpportunityService opportunities;
    private final FlowReferences flows;
    private final SendReportAction action;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    ReportTemplateAdmin(ReportTemplateService templates, ReportFiller filler, ReportModel model,
                        OpportunityService opportunities, FlowReferences flows, SendReportAction action,
                        AuditTrail audit, JdbcClient jdbc) {
        this.templates = templates;
        this.filler = filler;
        this.model = model;
        this.opportunities = opportunities;
        this.flows = flows;
        this.action = action;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ReportTemplate> list() {
        return templates.findAll();
    }

    /** The template with its placeholders. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ReportTemplateDetails> details(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return templates.findByName(name).flatMap(template -> templates.content(name)
                .map(docx -> details(template.name(), docx, template.updatedAt())));
    }

    /**
     * Creates the template, or replaces the .docx of the one with this name.
     *
     * @throws TemplateFieldException at {@code name} or at {@code file} (empty, too large, not a .docx, a
     *                                placeholder that names nothing a report has)
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ReportTemplateDetails upload(String name, byte[] docx) {
        if (name == null || name.isBlank()) {
            throw new TemplateFieldException("name", "template.required");
        }
        TemplateFieldException.requireText("name", name, NAME_MAX);
        if (name.contains("\n") || name.contains("\r") || name.contains("\t")) {
            throw new TemplateFieldException("name", "template.controlCharacter");
        }
        if (docx == null || docx.length == 0) {
            throw new TemplateFieldException("file", "template.required");
        }
        if (docx.length > MAX_SIZE) {
            throw new TemplateFieldException("file", "reportTemplate.tooLarge", "max", MAX_SIZE / (1024 * 1024));
        }
        filler.problem(name.strip(), docx).ifPresent(reason -> {
            throw new TemplateFieldException("file", reason);
        });
        String key = name.strip();
        Optional<ReportTemplateDetails> before = templates.content(key)
                .map(old -> details(key, old, null));
        templates.save(key, docx);
        ReportTemplateDetails after = details(key).orElseThrow();
        audit.record(AuditArea.REPORT_TEMPLATE, key, before.isPresent() ? AuditChange.UPDATED : AuditChange.CREATED,
                before.map(ReportTemplateAdmin::audited).orElse(null), audited(after));
        return after;
    }

    /**
     * The template filled for an opportunity as it is now, as a flow would send it (the substate is a preview's).
     *
     * @throws TemplateNotFoundException when there is no such template
     * @throws TemplateFieldException    at {@code opportunityId} when there is no such opportunity
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ReportDocument preview(String name, long opportunityId) {
        byte[] docx = templates.content(name)
                .orElseThrow(() -> new TemplateNotFoundException("report template", name));
        Opportunity opportunity = opportunities.find(PartnerScope.everything(), opportunityId)
                .orElseThrow(() -> new TemplateFieldException("opportunityId", "reportTemplate.unknownOpportunity",
                        "id", opportunityId));
        Instant now = Instant.now();
        ActionDefinition preview = new ActionDefinition(action.name(), "Preview", "Preview", "", "", Trigger.PROCESS,
                Map.of());
        byte[] filled;
        try {
            filled = filler.fill(docx, model.of(opportunity, preview, now));
        } catch (IllegalArgumentException e) {
            throw new TemplateFieldException("file", "reportTemplate.notFilled", "name", name, "error", e.getMessage());
        }
        return new ReportDocument(ReportActionService.fileName(name, opportunityId, now),
                ReportTemplateService.DOCX_CONTENT_TYPE, filled);
    }

    /**
     * Deletes the template.
     *
     * @throws TemplateInUseException    when a deployed flow sends it
     * @throws TemplateNotFoundException when there is none
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(String name) {
        ReportTemplateDetails before = details(name)
                .orElseThrow(() -> new TemplateNotFoundException("report template", name));
        List<String> using = flows.namesOfFlowsUsing(action.name(), "reportTemplate", before.name());
        if (!using.isEmpty()) {
            throw new TemplateInUseException(before.name(), using);
        }
        jdbc.sql("delete from report_template where name = ?").param(before.name()).update();
        audit.record(AuditArea.REPORT_TEMPLATE, before.name(), AuditChange.DELETED, audited(before), null);
    }

    private ReportTemplateDetails details(String name, byte[] docx, Instant updatedAt) {
        List<String> placeholders;
        try {
            placeholders = filler.placeholders(docx);
        } catch (IllegalArgumentException e) {
            placeholders = List.of();
        }
        return new ReportTemplateDetails(name, docx.length, sha256(docx), placeholders, updatedAt);
    }

    /** What the trail keeps: everything but the time, which the trail has of its own. */
    private static Map<String, Object> audited(ReportTemplateDetails details) {
        return Map.of("name", details.name(), "size", details.size(), "sha256", details.sha256(),
                "placeholders", details.placeholders());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
