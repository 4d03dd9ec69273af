package com.flowstate.action.report;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Report templates over REST: designers list and download them to edit in Word, admins upload them. A template is
 * checked when uploaded (see {@link ReportTemplateAdmin#upload}); a bad one answers 400 with the reason.
 */
@RestController
@RequestMapping("/api/report-templates")
@Tag(name = "Report templates", description = ".docx templates of the Send report action")
class ReportTemplateController {

    private final ReportTemplateService templates;
    private final ReportTemplateAdmin admin;

    ReportTemplateController(ReportTemplateService templates, ReportTemplateAdmin admin) {
        this.templates = templates;
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER', 'INTERNAL')")
    @Operation(summary = "All report templates, by name (without their content)")
    List<ReportTemplate> list() {
        return templates.findAll();
    }

    @GetMapping("/{name}")
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    @Operation(summary = "The template's .docx, to edit it")
    ResponseEntity<byte[]> download(@PathVariable String name) {
        byte[] docx = templates.content(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report template " + name));
        return new ReportDocument(name + ".docx", ReportTemplateService.DOCX_CONTENT_TYPE, docx).asAttachment();
    }

    @PutMapping(path = "/{name}", consumes = {ReportTemplateService.DOCX_CONTENT_TYPE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Creates or replaces a template; 400 with the reason when it cannot be filled")
    ReportTemplate upload(@PathVariable String name, @RequestBody byte[] docx) {
        // The admin service's checks and audit row; /api/admin/report-templates offers the same with placeholders.
        return templates.findByName(admin.upload(name, docx).name()).orElseThrow();
    }
}
