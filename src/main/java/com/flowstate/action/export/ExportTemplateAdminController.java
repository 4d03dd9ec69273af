package com.flowstate.action.export;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import com.flowstate.flow.CronSchedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Export templates for admins (issue 11). A wrong field answers 400 with the field's name in {@code field}; deleting
 * a template a deployed flow runs answers 409 naming the flows in {@code flows}.
 */
@RestController
@RequestMapping("/api/admin/export-templates")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: export templates", description = "What the Export action exports, to whom, on which schedule")
class ExportTemplateAdminController {

    /** The platform's calendar, in which the engine reads a cron and an admin its next runs. */
    static final ZoneId ZONE = CronSchedule.ZONE;

    private final ExportTemplateAdmin templates;

    ExportTemplateAdminController(ExportTemplateAdmin templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "All export templates, by name")
    List<ExportTemplate> list() {
        return templates.list();
    }

    @GetMapping("/types")
    @Operation(summary = "Each export type's columns (in default order) and type-specific filter fields")
    List<ExportTypeColumns> types() {
        return ExportTemplateAdmin.types();
    }

    @GetMapping("/next-runs")
    @Operation(summary = "The next 3 times a cron fires, computed as the engine does, in Europe/Rome")
    NextRuns nextRuns(@RequestParam String cron) {
        try {
            return new NextRuns(cron.strip(), ZONE.getId(),
                    ExportTemplateAdmin.nextRuns(cron).stream().map(run -> run.atZone(ZONE)).toList());
        } catch (TemplateFieldException refused) {
            // Here the cron is the query parameter "cron", not a template's field "scheduleCron".
            throw new TemplateFieldException("cron", refused.reason());
        }
    }

    @GetMapping("/{name}")
    @Operation(summary = "One export template")
    ExportTemplate get(@PathVariable String name) {
        return templates.find(name).orElseThrow(() -> new TemplateNotFoundException("export template", name));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a template; 400 naming the field that is wrong")
    ExportTemplate create(@RequestBody ExportTemplate template) {
        return templates.create(template);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Changes a template (its name stays); a changed schedule is redeployed")
    ExportTemplate update(@PathVariable String name, @RequestBody ExportTemplate template) {
        return templates.update(name, template);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a template and stops its schedule; 409 while a deployed flow uses it")
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

    /** @param zone the zone the cron is read in and the runs are shown in */
    record NextRuns(String cron, String zone, List<ZonedDateTime> runs) {
    }
}
