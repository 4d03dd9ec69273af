package com.flowstate.action;

import java.util.List;

/**
 * One insert of the action-history projection that can travel with the history row's update: the attempt's row, the
 * execution's inputs. {@link ActionHistory} sends them as data-modifying {@code with} clauses of that update, so the
 * end of an attempt is one statement (one round trip) instead of three (decision 0025). Same transaction, same
 * outcome: all of it commits or none.
 *
 * @param sql    an {@code insert} without {@code returning}, with {@code ?} placeholders
 * @param params its values, in order
 */
record ProjectionWrite(String sql, List<Object> params) {
}
