package com.flowstate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import com.flowstate.action.export.ExportExtension;
import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.export.ExportType;
import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;

/**
 * A designer's own flow for the tests (src/test/resources/flows/installation-flow.bpmn, process InstallationFlow) and
 * the configured data its actions name, without which a deployment of it is refused.
 */
@Component
public class DesignersFlow {

    public static final String KEY = "InstallationFlow";
    public static final String EXPORT_TEMPLATE = "installation-export";

    private final TestData data;
    private final ReportTemplateService reports;
    private final ExportTemplateService exports;

    DesignersFlow(TestData data, ReportTemplateService reports, ExportTemplateService exports) {
        this.data = data;
        this.reports = reports;
        this.exports = exports;
    }

    /** The SMTP accounts, e-mail, report and export templates the flow refers to. */
    public synchronized void fixtures() {
        data.flowFixtures();
        if (reports.findByName(SampleReportTemplate.NAME).isEmpty()) {
            reports.save(SampleReportTemplate.NAME, SampleReportTemplate.docx());
        }
        if (exports.findByName(EXPORT_TEMPLATE).isEmpty()) {
            exports.save(ExportTemplate.of(EXPORT_TEMPLATE, ExportType.OPPORTUNITIES, ExportExtension.CSV,
                    "INSTALLER", TestData.WORKING_SMTP));
        }
    }

    /** The BPMN, as a designer saves it from Modeler. */
    public String bpmn() {
        try (InputStream in = getClass().getResourceAsStream("/flows/installation-flow.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
