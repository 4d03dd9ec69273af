package com.flowstate.opportunity;

/**
 * Filter of the opportunity list; {@code text} matches name, customer, city or postal code.
 */
public record OpportunityFilter(String text) {

    public static OpportunityFilter empty() {
        return new OpportunityFilter(null);
    }

    public OpportunityFilter withText(String text) {
        return new OpportunityFilter(text);
    }
}
