package com.flowstate.opportunity;

/** No opportunity type has this key. */
public class OpportunityTypeNotFoundException extends RuntimeException {

    OpportunityTypeNotFoundException(String key) {
        super("No opportunity type '" + OpportunityTypeService.shown(key) + "'");
    }
}
