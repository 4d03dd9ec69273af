package com.flowstate.action.export;

/** An export template was created or changed (in the transaction that saved it). */
record ExportTemplateSaved(long templateId, ExportTemplate template) {
}
