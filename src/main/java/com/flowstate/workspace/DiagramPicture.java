package com.flowstate.workspace;

import java.util.List;
import java.util.Map;

/**
 * What the opportunity page draws: the deployed BPMN of the flow version the opportunity runs, the elements of its
 * open substates, and each action's latest outcome.
 *
 * @param xml         the BPMN XML as deployed
 * @param highlighted the element ids of the substates open now
 * @param marks       action service task id → its mark: {@code done}, {@code failed}, {@code retrying} or
 *                    {@code scheduled} (the latest execution's outcome, or a pending timer that will run it)
 */
public record DiagramPicture(String xml, List<String> highlighted, Map<String, String> marks) {
}
