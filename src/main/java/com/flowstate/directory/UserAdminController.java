package com.flowstate.directory;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
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

/** Users, for admins (issue 11): never a password or its hash, except a temporary password once. */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Admin: users", description = "Users with role and company, password reset, sign-in lock")
class UserAdminController extends DirectoryProblems {

    private final UserAdminService users;

    UserAdminController(UserAdminService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users whose username or display name contains 'search', by username")
    List<UserDetails> list(@RequestParam(defaultValue = "") String search,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") int limit) {
        return users.list(search, offset, limit);
    }

    @GetMapping("/{id}")
    UserDetails get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a user; the answer holds a temporary password once, which the user replaces at "
            + "the first sign-in")
    ResponseEntity<TemporaryPassword> create(@RequestBody UserRequest request) {
        TemporaryPassword created = users.create(request);
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.user().id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change display name, e-mail, roles, company, enabled (false locks the user out)")
    UserDetails update(@PathVariable long id, @RequestBody UserRequest request) {
        return users.update(id, request);
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "Replace the password with a temporary one (in this answer only); the user must choose a "
            + "new one at the next sign-in")
    TemporaryPassword resetPassword(@PathVariable long id) {
        return users.resetPassword(id);
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Lift the sign-in lock after too many wrong passwords")
    UserDetails unlock(@PathVariable long id) {
        return users.unlock(id);
    }
}
