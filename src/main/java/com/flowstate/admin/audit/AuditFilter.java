package com.flowstate.admin.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import io.swagger.v3.oas.annotations.Parameter;

import com.flowstate.audit.AuditArea;
import com.flowstate.audit.AuditChange;

/**
 * Filters of the audit trail, like a history tab's; null = any. {@code actor} and {@code subject} match "contains",
 * ignoring case; {@code from} and {@code to} are days in Europe/Rome, both included.
 */
public record AuditFilter(
        @Parameter(description = "PARTNER, USER, SMTP_ACCOUNT, EMAIL_TEMPLATE, … DEPLOYMENT") AuditArea area,
        @Parameter(description = "username contains") String actor,
        @Parameter(description = "subject contains (a partner's, a template's, a flow's name…)") String subject,
        @Parameter(description = "CREATED, UPDATED, DELETED, DEPLOYED, EXECUTED") AuditChange change,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static AuditFilter empty() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withArea(AuditArea value) {
        return new AuditFilter(value, actor, subject, change, from, to);
    }

    public AuditFilter withActor(String value) {
        return new AuditFilter(area, value, subject, change, from, to);
    }

    public AuditFilter withSubject(String value) {
        return new AuditFilter(area, actor, value, change, from, to);
    }

    public AuditFilter withChange(AuditChange value) {
        return new AuditFilter(area, actor, subject, value, from, to);
    }

    public AuditFilter withFrom(LocalDate value) {
        return new AuditFilter(area, actor, subject, change, value, to);
    }

    public AuditFilter withTo(LocalDate value) {
        return new AuditFilter(area, actor, subject, change, from, value);
    }
}
