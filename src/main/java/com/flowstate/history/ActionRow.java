package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The columns every action's history row has, read once for every tab. A tab's row holds it as its first
 * component, unwrapped in JSON, so every row of every tab answers with the same names.
 *
 * @param opportunityId null only for an action that ran outside an opportunity's flow (a scheduled export)
 */
public record ActionRow(
        long id,
        Long opportunityId,
        String opportunityName,
        ActionStatus state,
        int attempts,
        String lastError,
        String substateKey,
        String substateName,
        String trigger,
        Instant createdAt) {

    /** The select list of these columns, from the action's table {@code h} joined with {@code opportunity o}. */
    public static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.status, h.attempts, h.last_error, h.substate_key,
            h.substate_name, h.trigger, h.created_at""";

    /** The seed's status: true = succeeded, false = failed, null while scheduled, running or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }

    public static ActionRow map(ResultSet rs) throws SQLException {
        Long opportunityId = rs.getObject("opportunity_id", Long.class);
        return new ActionRow(rs.getLong("id"), opportunityId, rs.getString("opportunity_name"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("substate_key"), rs.getString("substate_name"), rs.getString("trigger"),
                rs.getTimestamp("created_at").toInstant());
    }
}
