package com.flowstate.admin.audit;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.audit.AuditEntry;
import com.flowstate.history.HistorySort;
import com.flowstate.history.Page;
import com.flowstate.history.PageParameters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit trail over REST, for admins only (the security chain and {@link AuditQuery} both check it). */
@RestController
@Tag(name = "Administration")
class AuditController {

    private final AuditQuery audit;

    AuditController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    @Operation(summary = "Audit trail of configuration changes and deployments, newest first: filter by area, actor, "
            + "subject, change, dates; sort by createdAt|actor|area|subject; page with the returned cursor. Secrets "
            + "are masked")
    Page<AuditEntry> audit(@ParameterObject AuditFilter filter, @ParameterObject PageParameters page) {
        return audit.page(filter, HistorySort.parse(page.sort()), page.cursor(), page.size());
    }
}
