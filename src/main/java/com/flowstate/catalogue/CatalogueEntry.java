package com.flowstate.catalogue;

/**
 * One value a flow may name, as a designer needs it: the exact name to write and what it is. Never a secret.
 *
 * @param name        what to write in the flow (an element template input), exactly as listed
 * @param description what it is, for a person choosing one
 */
public record CatalogueEntry(String name, String description) {
}
