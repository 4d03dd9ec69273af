package com.flowstate.action.export;

/** An export file kept for download: its name, type, size in bytes and rows (header excluded). */
public record StoredExportFile(long id, long historyId, String fileName, String contentType, long fileSize,
                               long rowCount) {
}
