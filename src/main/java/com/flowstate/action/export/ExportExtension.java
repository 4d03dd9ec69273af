package com.flowstate.action.export;

import java.util.Optional;

/** The file an export produces: csv (Commons CSV) or xlsx (POI SXSSF), both streamed row by row. */
public enum ExportExtension {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String fileSuffix;
    private final String contentType;

    ExportExtension(String fileSuffix, String contentType) {
        this.fileSuffix = fileSuffix;
        this.contentType = contentType;
    }

    /** Without the dot: {@code csv}, {@code xlsx}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    public String contentType() {
        return contentType;
    }

    /** Accepts any case, with or without a leading dot; empty for anything else. */
    public static Optional<ExportExtension> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String normalized = value.strip().toUpperCase();
        try {
            return Optional.of(valueOf(normalized.startsWith(".") ? normalized.substring(1) : normalized));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
