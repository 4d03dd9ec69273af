package com.flowstate.audit;

/** What a configuration change was about: one filter value of the audit trail. */
public enum AuditArea {
    PARTNER,
    USER,
    SMTP_ACCOUNT,
    EMAIL_TEMPLATE,
    REPORT_TEMPLATE,
    EXPORT_TEMPLATE,
    ASSIGNMENT_RULE,
    OPPORTUNITY_TYPE,
    RETENTION,
    DEPLOYMENT
}
