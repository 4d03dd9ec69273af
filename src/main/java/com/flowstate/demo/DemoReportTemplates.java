package com.flowstate.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.flowstate.action.report.ReportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;

/**
 * The demo's report template, "scheda-opportunita", built in code (no binary file in the repository). Saved before
 * {@link DemoData} opens the demo opportunities, so the flow's Send report tasks find it; an admin's later upload
 * under the same name is kept.
 */
@Component
@Profile("demo")
class DemoReportTemplates {

    private static final Logger log = LoggerFactory.getLogger(DemoReportTemplates.class);

    private final ReportTemplateService templates;

    DemoReportTemplates(ReportTemplateService templates) {
        this.templates = templates;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void load() {
        if (templates.findByName(SampleReportTemplate.NAME).isEmpty()) {
            templates.save(SampleReportTemplate.NAME, SampleReportTemplate.docx());
            log.info("Demo: report template '{}' saved", SampleReportTemplate.NAME);
        }
    }
}
