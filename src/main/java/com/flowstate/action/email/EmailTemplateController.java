package com.flowstate.action.email;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.i18n.Reason;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * E-mail templates for admins: list, create, edit, delete, the placeholders they can use and a preview for an
 * opportunity. A template that cannot be saved answers 400 naming each field ({@code variants.es.bodyHtml}) with the
 * language and line; deleting one that deployed flows send answers 409 naming them.
 */
@RestController
@RequestMapping("/api/admin/email-templates")
@Tag(name = "Admin: e-mail templates", description = "Templates of the Send e-mail action, one variant per language")
class EmailTemplateController {

    private final EmailTemplateService templates;

    EmailTemplateController(EmailTemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "Templates by name; 'text' keeps those whose name contains it")
    List<EmailTemplate> list(@RequestParam(required = false) String text,
                             @RequestParam(defaultValue = "0") int offset,
                             @RequestParam(defaultValue = "100") int limit) {
        return templates.page(text, offset, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template with its variants")
    EmailTemplate get(@PathVariable long id) {
        return templates.require(id);
    }

    @PostMapping
    @Operation(summary = "Creates a template; 400 naming each wrong field")
    ResponseEntity<EmailTemplate> create(@RequestBody EmailTemplateDraft draft) {
        EmailTemplate created = templates.create(draft);
        return ResponseEntity.created(URI.create("/api/admin/email-templates/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replaces a template's name and variants (a language left out is removed)")
    EmailTemplate update(@PathVariable long id, @RequestBody EmailTemplateDraft draft) {
        return templates.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Deletes a template; 409 naming the deployed flows that send it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        templates.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/placeholders")
    @Operation(summary = "Every placeholder a template can use, as written between the braces")
    List<String> placeholders() {
        return templates.placeholders();
    }

    @PostMapping("/preview")
    @Operation(summary = "One variant, saved or not, filled in for an opportunity")
    RenderedEmail preview(@RequestBody PreviewRequest request) {
        if (request.opportunityId() == null || request.variant() == null) {
            throw new InvalidEmailTemplateException(List.of(new EmailTemplateProblem(
                    request.opportunityId() == null ? "opportunityId" : "variant",
                    Reason.of("emailTemplate.previewIncomplete"))));
        }
        return templates.preview(request.language(), request.variant(), request.opportunityId());
    }

    /**
     * What to preview.
     *
     * @param language it, en or es (which field a problem is reported at); Italian when missing
     */
    record PreviewRequest(String language, EmailTemplateVariant variant, Long opportunityId) {
    }

    @ExceptionHandler(InvalidEmailTemplateException.class)
    ProblemDetail invalid(InvalidEmailTemplateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid " + e.getMessage());
        problem.setProperty("fields", e.problems().stream().map(EmailTemplateProblem::field).distinct().toList());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "code", p.reason().code(), "message", p.reason().text()))
                .toList());
        return problem;
    }

    @ExceptionHandler(EmailTemplateNotFoundException.class)
    ProblemDetail notFound(EmailTemplateNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(EmailTemplateInUseException.class)
    ProblemDetail inUse(EmailTemplateInUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("flows", e.flows());
        return problem;
    }
}
