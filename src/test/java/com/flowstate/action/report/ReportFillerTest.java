package com.flowstate.action.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class ReportFillerTest {

    private final ReportFiller filler = new ReportFiller();

    @Test
    void fillsAPlaceholderThatWordSplitAcrossRuns() throws IOException {
        byte[] template = docx(document -> {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText("Cliente: {{custo");
            paragraph.createRun().setText("mer.na");
            paragraph.createRun().setText("me}}!");
        });

        String text = text(filler.fill(template, ReportModel.sample()));

        assertThat(text).contains("Cliente: Mario Rossi!").doesNotContain("{{");
    }

    @Test
    void repeatsTheActivityRowOncePerActivity() throws IOException {
        Map<String, Object> data = new HashMap<>(ReportModel.sample());
        data.put(ReportModel.ACTIVITIES, List.of(
                Map.of("type", "Chiamata", "subject", "Chiamare il cliente", "dueDate", "01/02/2025"),
                Map.of("type", "Visita", "subject", "Visitare il tetto", "dueDate", "03/02/2025")));

        String text = text(filler.fill(activitiesTemplate(), data));

        assertThat(text).contains("Tipo\tOggetto\tScadenza")
                .contains("Chiamata\tChiamare il cliente\t01/02/2025")
                .contains("Visita\tVisitare il tetto\t03/02/2025")
                .doesNotContain("[subject]");
    }

    @Test
    void keepsTheActivityTableHeaderWhenThereIsNoActivity() throws IOException {
        Map<String, Object> data = new HashMap<>(ReportModel.sample());
        data.put(ReportModel.ACTIVITIES, List.of());

        String text = text(filler.fill(activitiesTemplate(), data));

        assertThat(text).contains("Tipo\tOggetto\tScadenza").doesNotContain("[type]").doesNotContain("{{");
    }

    @Test
    void refusesAPlaceholderAReportDoesNotHaveNamingIt() throws IOException {
        byte[] template = docx(document -> document.createParagraph().createRun().setText("{{customer.nmae}}"));

        assertThatThrownBy(() -> filler.check(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placeholder")
                .hasMessageContaining("nmae");
    }

    @Test
    void refusesBytesThatAreNotADocx() {
        assertThatThrownBy(() -> filler.check("Gentile cliente".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a .docx document");
    }

    @Test
    void theSampleTemplateFillsEveryPlaceholder() throws IOException {
        String text = text(filler.fill(SampleReportTemplate.docx(), ReportModel.sample()));

        assertThat(text).contains("Riepilogo opportunità FV Rossi – MI")
                .contains("Cliente: Mario Rossi")
                .contains("Indirizzo dell'impianto: Via Roma 1, 20121 Milano (MI)")
                .contains("Installatore: Installatore S.r.l.")
                .contains("Venditore: Venditore S.r.l.")
                .contains("Offerta")
                .contains("Chiamata\tChiamare Mario Rossi\t31/01/2025\tno\tGiulia Conti")
                .doesNotContain("{{").doesNotContain("[type]");
    }

    private static byte[] activitiesTemplate() throws IOException {
        return docx(document -> {
            XWPFTable table = document.createTable(2, 3);
            table.getRow(0).getCell(0).setText("{{activities}}Tipo");
            table.getRow(0).getCell(1).setText("Oggetto");
            table.getRow(0).getCell(2).setText("Scadenza");
            table.getRow(1).getCell(0).setText("[type]");
            table.getRow(1).getCell(1).setText("[subject]");
            table.getRow(1).getCell(2).setText("[dueDate]");
        });
    }

    private static byte[] docx(Consumer<XWPFDocument> content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            return extractor.getText();
        }
    }
}
