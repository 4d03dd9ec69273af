package com.flowstate.directory;

/**
 * A user just created or whose password was reset, with the temporary password to hand them: shown in this answer
 * only, good for one sign-in, after which they must choose their own.
 */
public record TemporaryPassword(UserDetails user, String temporaryPassword) {
}
