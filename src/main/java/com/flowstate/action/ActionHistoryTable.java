package com.flowstate.action;

import java.util.Map;

import com.flowstate.flow.ActionDefinition;
import com.flowstate.flow.ActionType;

/**
 * The history table of one action type, as {@link ActionHistoryProjection} needs it. Every such table has the common
 * columns of an action execution ({@code execution_key, opportunity_id, process_instance_id, activity_id,
 * substate_key, substate_name, trigger, status, attempts, last_error, created_at, updated_at}) plus its own.
 */
public interface ActionHistoryTable {

    ActionType type();

    /** The table's name; a constant of the code, never user input. */
    String table();

    /** The action's own columns known when it is scheduled, from its modelled parameters (column → value). */
    Map<String, Object> scheduledColumns(ActionDefinition action);
}
