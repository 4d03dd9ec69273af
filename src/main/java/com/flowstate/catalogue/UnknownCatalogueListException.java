package com.flowstate.catalogue;

import java.util.Collection;

/** A list the catalogue does not have; the message names the ones it has. */
public class UnknownCatalogueListException extends RuntimeException {

    UnknownCatalogueListException(String list, Collection<String> known) {
        super("No catalogue list '" + list + "'; known lists: " + String.join(", ", known));
    }
}
