package com.flowstate.opportunity;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The opportunity types and the flow each starts, for admins: list, create, rename, reorder, choose the flow. */
@RestController
@RequestMapping("/api/admin/opportunity-types")
@Tag(name = "Admin: opportunity types", description = "Which flow each opportunity type starts")
class OpportunityTypeAdminController {

    private final OpportunityTypeService types;

    OpportunityTypeAdminController(OpportunityTypeService types) {
        this.types = types;
    }

    @GetMapping
    @Operation(summary = "Every type, in the list's order")
    List<OpportunityType> list() {
        return types.types();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One type")
    OpportunityType get(@PathVariable String key) {
        return types.find(key).orElseThrow(() -> new OpportunityTypeNotFoundException(key));
    }

    @PostMapping
    @Operation(summary = "Add a type: key, name, flowKey (null: the default flow), position (null: last)")
    ResponseEntity<OpportunityType> create(@RequestBody OpportunityTypeChange change) {
        OpportunityType created = types.create(change);
        return ResponseEntity.created(URI.create("/api/admin/opportunity-types/" + created.key())).body(created);
    }

    @PutMapping("/{key}")
    @Operation(summary = "Rename a type, choose its flow (new opportunities only) and its position; the key stays")
    OpportunityType update(@PathVariable String key, @RequestBody OpportunityTypeChange change) {
        return types.update(key, change);
    }

    @ExceptionHandler(InvalidOpportunityTypeException.class)
    ProblemDetail invalid(InvalidOpportunityTypeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("fields", List.of(e.field()));
        problem.setProperty("code", e.reason().code());
        return problem;
    }

    @ExceptionHandler(OpportunityTypeNotFoundException.class)
    ProblemDetail notFound(OpportunityTypeNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
