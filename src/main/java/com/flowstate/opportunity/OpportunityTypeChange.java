package com.flowstate.opportunity;

/**
 * A new opportunity type, or an edit of one (its key never changes: opportunities refer to it).
 *
 * @param key      a lowercase letter, then up to 39 lowercase letters, digits or hyphens; ignored on an edit
 * @param name     shown in lists, at most 100 characters
 * @param flowKey  a deployed flow; null or blank: the default flow
 * @param position its place in the list, 0 to 100000, smallest first; null: after the others (create), unchanged
 *                 (edit)
 */
public record OpportunityTypeChange(String key, String name, String flowKey, Integer position) {
}
