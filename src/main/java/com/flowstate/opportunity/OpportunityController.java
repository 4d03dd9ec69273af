package com.flowstate.opportunity;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.flowstate.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api")
@Tag(name = "Opportunities", description = "Open opportunities, move their substates; the opportunity types")
class OpportunityController {

    private final OpportunityService opportunities;
    private final OpportunityTypeService types;

    OpportunityController(OpportunityService opportunities, OpportunityTypeService types) {
        this.opportunities = opportunities;
        this.types = types;
    }

    @PostMapping("/opportunities")
    @Operation(summary = "Open an opportunity; its flow starts at once")
    ResponseEntity<OpportunityDetails> create(@Valid @RequestBody NewOpportunity opportunity) {
        Opportunity created = opportunities.create(opportunity);
        return ResponseEntity.created(URI.create("/api/opportunities/" + created.id()))
                .body(details(created));
    }

    @GetMapping("/opportunities")
    @Operation(summary = "Opportunities you may see, newest first; pass the last id as 'after' for the next page")
    List<Opportunity> list(@RequestParam(required = false) String q,
                           @RequestParam(required = false) Long after,
                           @RequestParam(defaultValue = "50") int size) {
        return opportunities.list(CurrentUser.scope(), OpportunityFilter.empty().withText(q), after, size);
    }

    @GetMapping("/opportunities/{id}")
    @Operation(summary = "One opportunity with its open substates")
    OpportunityDetails get(@PathVariable long id) {
        return details(opportunities.find(CurrentUser.scope(), id)
                .orElseThrow(() -> new OpportunityNotFoundException(id)));
    }

    @PostMapping("/opportunities/{id}/substates/{substateKey}/close")
    @Operation(summary = "Close an open substate; its on-close actions run")
    OpportunityDetails close(@PathVariable long id, @PathVariable String substateKey) {
        opportunities.closeSubstate(CurrentUser.scope(), id, substateKey);
        return get(id);
    }

    @PostMapping("/opportunities/{id}/substates/{substateKey}/open")
    @Operation(summary = "Open a substate; its on-open actions run")
    OpportunityDetails open(@PathVariable long id, @PathVariable String substateKey) {
        opportunities.openSubstate(CurrentUser.scope(), id, substateKey);
        return get(id);
    }

    @GetMapping("/opportunity-types")
    @PreAuthorize("hasAnyRole('ADMIN', 'INTERNAL', 'DESIGNER')")
    @Operation(summary = "The opportunity types and the flow each starts (null: the default flow)")
    List<OpportunityType> types() {
        return types.types();
    }

    @PutMapping("/opportunity-types/{key}")
    @Operation(summary = "Choose the flow new opportunities of a type start on (ADMIN); null flowKey = the default")
    OpportunityType chooseFlow(@PathVariable String key, @RequestBody FlowChoice choice) {
        return types.chooseFlow(key, choice.flowKey());
    }

    /** @param flowKey a deployed flow's key, or null for the default flow */
    record FlowChoice(String flowKey) {
    }

    private OpportunityDetails details(Opportunity opportunity) {
        return new OpportunityDetails(opportunity,
                opportunities.openSubstates(CurrentUser.scope(), opportunity.id()));
    }

    /** An opportunity with the substates open on it. */
    record OpportunityDetails(Opportunity opportunity, List<OpenSubstate> openSubstates) {
    }
}
