package com.flowstate.mail;

import java.net.URI;
import java.util.LinkedHashMap;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** SMTP accounts for admins (issue 11). Passwords go in, never out. */
@RestController
@RequestMapping("/api/admin/smtp-accounts")
@Tag(name = "Administration: SMTP accounts", description = "The accounts actions send e-mail through; the password "
        + "is write-only")
class SmtpAccountController {

    private final SmtpAccountService accounts;

    SmtpAccountController(SmtpAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "The accounts by name (never their passwords: passwordSet says whether one is stored)")
    List<SmtpCredential> list(@RequestParam(defaultValue = "0") int offset,
                              @RequestParam(defaultValue = "100") int limit) {
        return accounts.list(offset, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    SmtpCredential get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping
    @Operation(summary = "Create an account")
    ResponseEntity<SmtpCredential> create(@RequestBody SmtpAccountSettings settings) {
        SmtpCredential created = accounts.create(settings);
        return ResponseEntity.created(URI.create("/api/admin/smtp-accounts/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an account; leave the password out (or empty) to keep the stored one. The next "
            + "e-mail sent through it uses the new settings")
    SmtpCredential update(@PathVariable long id, @RequestBody SmtpAccountSettings settings) {
        return accounts.update(id, settings);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account; refused (409, naming them) while deployed flows or export templates "
            + "use it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        accounts.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Connect with the saved settings, authenticate, and send a test message if a recipient is "
            + "given; a failed test is an answer (succeeded false, with the reason and the server's last reply)")
    SmtpTestResult test(@PathVariable long id, @RequestBody(required = false) TestRequest request) {
        return accounts.test(id, request == null ? null : request.recipient());
    }

    /** @param recipient where to send a test message; none: connect and authenticate only */
    record TestRequest(String recipient) {
    }

    @ExceptionHandler(SmtpAccountNotFoundException.class)
    ProblemDetail notFound(SmtpAccountNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(SmtpAccountInvalidException.class)
    ProblemDetail invalid(SmtpAccountInvalidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("fields", e.fields().keySet().stream().sorted().toList());
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(field -> errors.put(field.getKey(), field.getValue().text()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(SmtpAccountInUseException.class)
    ProblemDetail inUse(SmtpAccountInUseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("uses", e.uses());
        return problem;
    }
}
