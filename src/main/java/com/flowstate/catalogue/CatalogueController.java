package com.flowstate.catalogue;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The catalogue over REST: designers look up the exact names a flow may use. */
@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "Catalogue", description = "What a flow may name: templates, SMTP accounts, types and roles")
class CatalogueController {

    private final CatalogueService catalogue;

    CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The lists there are, with where a flow uses each (DESIGNER, ADMIN)")
    List<CatalogueEntry> lists() {
        return catalogue.lists();
    }

    @GetMapping("/{list}")
    @Operation(summary = "The names of one list with their descriptions, never a secret (DESIGNER, ADMIN); "
            + "an unknown list is a 404 naming the known ones")
    List<CatalogueEntry> entries(@PathVariable String list) {
        return catalogue.entries(list);
    }

    @ExceptionHandler(UnknownCatalogueListException.class)
    ProblemDetail unknownList(UnknownCatalogueListException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The catalogue is for flow designers and admins");
    }
}
