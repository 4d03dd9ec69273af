package com.flowstate.opportunity;

/**
 * A kind of opportunity (residential, business, maintenance…) and the flow its new opportunities start on.
 *
 * @param flowKey  the flow's key; null: the default flow
 * @param position its place in the list, smallest first
 */
public record OpportunityType(String key, String name, String flowKey, int position) {
}
