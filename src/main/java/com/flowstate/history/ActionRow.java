package com.flowstate.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.flowstate.i18n.Reason;

/**
 * The columns every action's history row has, read once for every tab. A tab's row holds it as its first
 * component, unwrapped in JSON, so every row of every tab answers with the same names.
 *
 * @param opportunityId null only for an action that ran outside an opportunity's flow (a scheduled export)
 * @param lastError     the reason's English text (the seed's field, kept for API clients)
 * @param reasonCode    the reason's code ({@code smtp.unreachable}…); null for a row written before codes existed
 * @param reasonParams  the reason's named parameters; null without a code
 */
public record ActionRow(
        long id,
        Long opportunityId,
        String opportunityName,
        ActionStatus state,
        int attempts,
        String lastError,
        String reasonCode,
        Map<String, String> reasonParams,
        String substateKey,
        String substateName,
        String trigger,
        Instant createdAt) {

    /** The select list of these columns, from the action's table {@code h} joined with {@code opportunity o}. */
    public static final String COLUMNS = """
            h.id, h.opportunity_id, o.name opportunity_name, h.status, h.attempts, h.last_error, h.reason_code,
            h.reason_params, h.substate_key, h.substate_name, h.trigger, h.created_at""";

    /** The seed's status: true = succeeded, false = failed, null while scheduled, running or retrying. */
    @JsonProperty("status")
    public Boolean status() {
        return state.asBoolean();
    }

    /**
     * Why the execution failed (or its last attempt did, or what the reader should know about one that succeeded);
     * null when there is nothing to say. Render it in the reader's language with {@link Reason#in}.
     */
    @JsonIgnore
    public Reason reason() {
        return reasonCode == null ? Reason.legacy(lastError) : new Reason(reasonCode, reasonParams, lastError);
    }

    public static ActionRow map(ResultSet rs) throws SQLException {
        Long opportunityId = rs.getObject("opportunity_id", Long.class);
        String lastError = rs.getString("last_error");
        String reasonCode = rs.getString("reason_code");
        Reason reason = Reason.stored(reasonCode, rs.getString("reason_params"), lastError);
        return new ActionRow(rs.getLong("id"), opportunityId, rs.getString("opportunity_name"),
                ActionStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), lastError, reasonCode,
                reasonCode == null ? null : reason.params(), rs.getString("substate_key"), rs.getString("substate_name"), rs.getString("trigger"),
                rs.getTimestamp("created_at").toInstant());
    }
}
