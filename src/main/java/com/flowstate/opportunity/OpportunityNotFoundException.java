package com.flowstate.opportunity;

/** No such opportunity, or not one the user may see: the two are indistinguishable on purpose. */
public class OpportunityNotFoundException extends RuntimeException {

    OpportunityNotFoundException(long id) {
        super("Opportunity " + id + " not found");
    }
}
