package com.flowstate.flow;

/** An opportunity's flow runs with the opportunity's id as business key; anything else is not an opportunity's. */
final class Opportunities {

    private Opportunities() {
    }

    /** The opportunity id a business key names, or null for a process that is not an opportunity's. */
    static Long ofBusinessKey(String businessKey) {
        if (businessKey == null || businessKey.isEmpty() || businessKey.length() > 18
                || !businessKey.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(businessKey);
    }
}
