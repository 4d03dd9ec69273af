package com.flowstate.action.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Export action.
 *
 * @param attachLimit the largest file sent as an attachment; a larger one is sent as a download link (mail servers
 *                    commonly refuse messages above 10–25 MB)
 * @param baseUrl     how recipients reach this installation, for the download link of a large export
 * @param fetchSize   rows the database hands over per round trip while an export streams
 */
@ConfigurationProperties("flowstate.exports")
public record ExportProperties(
        @DefaultValue("10MB") DataSize attachLimit,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("1000") int fetchSize) {

    public ExportProperties {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("flowstate.exports.fetch-size must be positive, was " + fetchSize);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The defaults, for code that runs without Spring (the memory check). */
    static ExportProperties defaults() {
        return new ExportProperties(DataSize.ofMegabytes(10), "http://localhost:8080", 1000);
    }
}
