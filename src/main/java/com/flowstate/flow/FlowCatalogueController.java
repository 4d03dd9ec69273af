package com.flowstate.flow;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.flowstate.flow.FlowCatalogue.Flow;
import com.flowstate.flow.FlowMigrations.MigrationReport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.springframework.http.HttpStatus.NOT_FOUND;

@RestController
@RequestMapping("/api/flows")
@PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
@Tag(name = "Flows", description = "The flows designers deployed, and which one each opportunity type starts")
class FlowCatalogueController {

    private final FlowCatalogue catalogue;
    private final FlowMigrations migrations;

    FlowCatalogueController(FlowCatalogue catalogue, FlowMigrations migrations) {
        this.catalogue = catalogue;
        this.migrations = migrations;
    }

    @GetMapping
    @Operation(summary = "Every flow (a deployed process with substates): versions, deployed at, running opportunities")
    List<Flow> flows() {
        return catalogue.flows();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One flow, with the substates of its latest version")
    Flow flow(@PathVariable String key) {
        return catalogue.flow(key).orElseThrow(() -> unknown(key));
    }

    @GetMapping(value = "/{key}/versions/{version}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "The BPMN of one version, as deployed (open it in Camunda Modeler)")
    String diagram(@PathVariable String key, @PathVariable int version) {
        return catalogue.diagram(key, version).orElseThrow(() -> unknown(key + " v" + version));
    }

    @PostMapping("/{key}/migrations")
    @Operation(summary = "Move the running opportunities of one version to another (ADMIN); dryRun=true first lists "
            + "what cannot be mapped and changes nothing")
    MigrationReport migrate(@PathVariable String key, @RequestBody MigrationRequest request,
                            Authentication authentication) {
        return request.dryRun() ? migrations.dryRun(key, request.fromVersion(), request.toVersion())
                : migrations.migrate(key, request.fromVersion(), request.toVersion(), authentication.getName());
    }

    /** @param dryRun true: only report what the migration would do */
    record MigrationRequest(int fromVersion, int toVersion, boolean dryRun) {
    }

    private static ResponseStatusException unknown(String what) {
        return new ResponseStatusException(NOT_FOUND, "Unknown flow " + what);
    }
}
