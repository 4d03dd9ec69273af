package com.flowstate.action.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.flowstate.action.export.ExportTemplate;
import com.flowstate.action.export.ExportTemplateService;
import com.flowstate.action.report.SampleReportTemplate;
import com.flowstate.support.Browser;
import com.flowstate.support.IntegrationTest;
import com.flowstate.support.TestData;

/**
 * An admin uploads a report template and sees its placeholders (and the reason a broken file is refused), then
 * creates and edits an export template with the next runs shown, an invalid cron refused at its field; the export
 * view again in Italian on a phone.
 */
@IntegrationTest
class TemplatesAdminBrowserIT {

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired ExportTemplateService exportTemplates;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminUploadsAReportTemplateAndCreatesAndEditsAScheduledExportTemplate(@TempDir Path files)
            throws Exception {
        data.admin();
        data.flowFixtures();
        String report = data.unique("scheda");
        String export = data.unique("weekly-offers");
        Path docx = Files.write(files.resolve("offer-summary.docx"), SampleReportTemplate.docx());
        Path broken = Files.write(files.resolve("broken.docx"), "not a word document".getBytes());

        browser = new Browser(port);
        browser.driver().manage().window().setSize(new Dimension(1440, 900));
        browser.speak("en");
        browser.login("test-admin", "test-admin");

        // Report templates: a good upload shows its placeholders, a broken one the reason under the upload.
        browser.open("/admin/report-templates");
        browser.type(By.cssSelector("#report-template-name input"), report);
        fileInput("report-template-upload").sendKeys(docx.toString());
        browser.waitUntil(d -> browser.gridCells("report-template-grid").contains(report));
        String placeholders = browser.waitFor(By.id("report-template-placeholders")).getText();
        assertThat(placeholders).contains("{{customer.name}}", "{{opportunity.address}}", "{{activities}}");

        browser.type(By.cssSelector("#report-template-name input"), report + "-broken");
        fileInput("report-template-upload").sendKeys(broken.toString());
        String fileError = browser.waitFor(By.id("report-template-file-error")).getText();
        assertThat(fileError).contains("not a .docx document");
        browser.screenshot("admin-report-templates-en-1440");

        // Export templates: create with a schedule, see the next runs; an invalid cron is refused at the field.
        browser.open("/admin/export-templates");
        browser.type(By.cssSelector("#export-template-name input"), export);
        browser.type(By.cssSelector("#export-template-recipient input"), "accounting@platform.test");
        browser.choose("export-template-smtp", TestData.WORKING_SMTP);
        browser.type(By.cssSelector("#export-template-cron input"), "0 0 7 * * MON");
        browser.waitUntil(d -> nextRuns().size() == 3);
        assertThat(browser.waitFor(By.id("export-template-next-runs-title")).getText()).contains("Europe/Rome");
        assertThat(nextRuns()).allSatisfy(run -> assertThat(run).contains("Monday", "7:00"));
        click(By.id("export-template-column-city"));
        click(By.id("export-template-column-opportunity"));
        click(By.id("export-template-column-up-opportunity"));
        click(By.id("export-template-save"));
        browser.waitUntil(d -> browser.gridCells("export-template-grid").contains(export));
        assertThat(exportTemplates.findByName(export)).get()
                .satisfies(saved -> assertThat(saved.columns()).containsExactly("opportunity", "city"))
                .extracting(ExportTemplate::scheduleCron).isEqualTo("0 0 7 * * MON");

        browser.type(By.cssSelector("#export-template-cron input"), "0 0 25 * * ?");
        WebElement cron = browser.driver().findElement(By.id("export-template-cron"));
        browser.waitUntil(d -> Boolean.TRUE.equals(cron.getDomProperty("invalid") == null ? null
                : Boolean.valueOf(cron.getDomProperty("invalid"))));
        assertThat(cron.getDomProperty("errorMessage")).contains("0 0 25 * * ?", "not a valid cron");
        click(By.id("export-template-save"));
        assertThat(exportTemplates.findByName(export)).get().extracting(ExportTemplate::scheduleCron)
                .isEqualTo("0 0 7 * * MON");
        browser.screenshot("admin-export-templates-invalid-cron-en-1440");

        browser.type(By.cssSelector("#export-template-cron input"), "0 30 8 * * MON-FRI");
        browser.waitUntil(d -> nextRuns().size() == 3);
        click(By.id("export-template-save"));
        browser.waitUntil(d -> "0 30 8 * * MON-FRI".equals(exportTemplates.findByName(export)
                .map(ExportTemplate::scheduleCron).orElse(null)));
        browser.waitUntil(d -> browser.gridCells("export-template-grid").contains("0 30 8 * * MON-FRI"));
        browser.screenshot("admin-export-templates-en-1440");

        // The same view in Italian on a phone: the template, its next runs and a refusal in Italian.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.speak("it");
        browser.open("/admin/export-templates");
        browser.waitUntil(d -> browser.gridCells("export-template-grid").contains(export));
        clickCell("export-template-grid", export);
        browser.waitUntil(d -> nextRuns().size() == 3);
        assertThat(browser.waitFor(By.id("export-template-next-runs-title")).getText())
                .contains("Prossime esecuzioni");
        browser.type(By.cssSelector("#export-template-recipient input"), "INSTALLER");
        browser.driver().findElement(By.cssSelector("#export-template-recipient input")).sendKeys(Keys.TAB);
        click(By.id("export-template-save"));
        WebElement recipient = browser.driver().findElement(By.id("export-template-recipient"));
        browser.waitUntil(d -> recipient.getDomProperty("errorMessage") != null
                && !recipient.getDomProperty("errorMessage").isBlank());
        assertThat(recipient.getDomProperty("errorMessage")).contains("esportazione pianificata");
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("admin-export-templates-it-390");
    }

    private WebElement fileInput(String uploadId) {
        WebElement upload = browser.waitFor(By.id(uploadId));
        return (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].querySelector('input[type=file]')"
                        + " || arguments[0].shadowRoot.querySelector('input[type=file]')", upload);
    }

    @SuppressWarnings("unchecked")
    private List<String> nextRuns() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('#export-template-next-runs li')].map(li => li.textContent)");
    }

    /** Clicked by script: the dev-mode notice may cover an element at the page's end. */
    private void click(By locator) {
        WebElement element = browser.waitFor(locator);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
    }

    private void clickCell(String gridId, String text) {
        WebElement cell = browser.waitUntil(d -> d.findElements(By.cssSelector("#" + gridId
                + " vaadin-grid-cell-content")).stream().filter(c -> c.getText().strip().equals(text))
                .findFirst().orElse(null));
        cell.click();
    }
}
