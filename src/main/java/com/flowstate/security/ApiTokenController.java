package com.flowstate.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The signed-in user's own API tokens (decision 0026). */
@RestController
@RequestMapping("/api/account/tokens")
@Tag(name = "Account", description = "Your API tokens: send one as 'Authorization: Bearer <token>' instead of a "
        + "password")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "Your tokens that are not revoked, newest first (never their secrets)")
    List<ApiToken> list() {
        return tokens.list(CurrentUser.require());
    }

    @PostMapping
    @Operation(summary = "Create a token that acts as you; its secret is in this answer only. Needs your password "
            + "(HTTP Basic), not another token")
    ResponseEntity<CreatedApiToken> create(@Valid @RequestBody NewApiToken request) {
        if (ApiTokenAuthentication.current(SecurityContextHolder.getContext().getAuthentication())) {
            throw new TokenMintingRefused();
        }
        CreatedApiToken created = tokens.create(CurrentUser.require(), request);
        return ResponseEntity.created(URI.create("/api/account/tokens/" + created.details().id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your tokens: it stops working at once")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ApiTokenNotFoundException.class)
    ProblemDetail notFound(ApiTokenNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(TokenMintingRefused.class)
    ProblemDetail refused(TokenMintingRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A stolen token must not be able to outlive its revocation by minting others. */
    private static final class TokenMintingRefused extends RuntimeException {

        TokenMintingRefused() {
            super("An API token cannot create tokens: sign in with your password (HTTP Basic or the UI)");
        }
    }
}
