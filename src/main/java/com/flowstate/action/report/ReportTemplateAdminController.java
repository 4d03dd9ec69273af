package com.flowstate.action.report;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.action.TemplateFieldException;
import com.flowstate.action.TemplateInUseException;
import com.flowstate.action.TemplateNotFoundException;
import com.flowstate.action.TemplateProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Report templates for admins (issue 11): upload, placeholders, preview for an opportunity, delete. A wrong upload
 * answers 400 naming the field ({@code name} or {@code file}); deleting a template a deployed flow sends answers 409
 * naming the flows.
 */
@RestController
@RequestMapping("/api/admin/report-templates")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: report templates", description = ".docx templates of the Send report action")
class ReportTemplateAdminController {

    private final ReportTemplateAdmin templates;

    ReportTemplateAdminController(ReportTemplateAdmin templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "All report templates, by name (without content or placeholders)")
    List<ReportTemplate> list() {
        return templates.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One template with its placeholders")
    ReportTemplateDetails get(@PathVariable String name) {
        return templates.details(name).orElseThrow(() -> new TemplateNotFoundException("report template", name));
    }

    @PutMapping(path = "/{name}", consumes = {ReportTemplateService.DOCX_CONTENT_TYPE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Creates or replaces a template from the .docx in the body; 400 naming the field")
    ReportTemplateDetails upload(@PathVariable String name, @RequestBody byte[] docx) {
        return templates.upload(name, docx);
    }

    @GetMapping("/{name}/preview")
    @Operation(summary = "The template filled for an opportunity, as a .docx to download")
    ResponseEntity<byte[]> preview(@PathVariable String name, @RequestParam long opportunityId) {
        return templates.preview(name, opportunityId).asAttachment();
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a template; 409 while a deployed flow sends it")
    void delete(@PathVariable String name) {
        templates.delete(name);
    }

    @ExceptionHandler
    ProblemDetail invalid(TemplateFieldException e) {
        return TemplateProblems.invalidField(e);
    }

    @ExceptionHandler
    ProblemDetail inUse(TemplateInUseException e) {
        return TemplateProblems.inUse(e);
    }

    @ExceptionHandler
    ProblemDetail notFound(TemplateNotFoundException e) {
        return TemplateProblems.notFound(e);
    }
}
