package com.flowstate.history;

import java.time.LocalDate;

/**
 * The filters every action's tab has; a tab's filter record declares them as components (so they bind straight
 * from the query parameters of the same names) and adds its own.
 */
public interface ActionFilter {

    /** Only this opportunity's rows. */
    Long opportunityId();

    /** Opportunity name contains, ignoring case. */
    String opportunity();

    /** Created on or after this day (Europe/Rome). */
    LocalDate from();

    /** Created on or before this day (Europe/Rome). */
    LocalDate to();
}
