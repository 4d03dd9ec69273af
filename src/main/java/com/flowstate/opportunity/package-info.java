/**
 * Opportunities: the customer's request a flow runs for. Creating one starts its flow (its id is the process
 * instance's business key); opening and closing its substates by hand goes through the flow. Reads are always within
 * the caller's partner scope. The REST API is under {@code /api/opportunities}; the views are in {@code ui}.
 */
package com.flowstate.opportunity;
