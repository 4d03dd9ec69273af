package com.flowstate.action.export;

/** An export template was deleted (in the transaction that deleted it): its schedule stops. */
record ExportTemplateDeleted(long templateId, String name) {
}
