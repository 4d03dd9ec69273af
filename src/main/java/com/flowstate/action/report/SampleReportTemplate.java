package com.flowstate.action.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The opportunity summary ("scheda opportunità") report template, built in code so that no binary file is
 * committed: the demo seeds it and the tests send it. It uses every kind of placeholder a report has, and shows
 * designers how to write their own in Word: plain {@code {{…}}} text, the {@code {{*openSubstates}}} bullet list, and
 * the activities table whose header cell holds {@code {{activities}}} and whose second row is repeated per activity.
 */
public final class SampleReportTemplate {

    /** The name the demo flow (bpmn/solar-sales-flow.bpmn) refers to, and the tests save it under. */
    public static final String NAME = "scheda-opportunita";

    private static final List<String> ACTIVITY_HEADERS = List.of("Tipo", "Oggetto", "Scadenza", "Completata",
            "Assegnata a");
    private static final List<String> ACTIVITY_CELLS = List.of("[type]", "[subject]", "[dueDate]", "[completed]",
            "[assignee]");

    private SampleReportTemplate() {
    }

    /** The template as a .docx. */
    public static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            heading(document, "Riepilogo opportunità {{opportunity.name}}", 16);
            line(document, "Cliente: ", "{{customer.name}}");
            line(document, "E-mail: ", "{{customer.email}}");
            line(document, "Telefono: ", "{{customer.phone}}");
            line(document, "Indirizzo dell'impianto: ", "{{opportunity.address}}");
            line(document, "Installatore: ", "{{installer.name}}");
            line(document, "Venditore: ", "{{seller.name}}");
            line(document, "Referente interno: ", "{{owner.name}}");

            heading(document, "Sottostati aperti", 13);
            document.createParagraph().createRun().setText("{{*openSubstates}}");

            heading(document, "Attività", 13);
            activitiesTable(document);

            XWPFParagraph footer = document.createParagraph();
            footer.setSpacingBefore(240);
            XWPFRun note = footer.createRun();
            note.setItalic(true);
            note.setFontSize(9);
            note.setText("Generato il {{generatedAt}} (sottostato «{{substate.name}}»).");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument document, String text, int size) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.LEFT);
        paragraph.setSpacingBefore(200);
        XWPFRun run = paragraph.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setText(text);
    }

    private static void line(XWPFDocument document, String label, String placeholder) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun labelRun = paragraph.createRun();
        labelRun.setBold(true);
        labelRun.setText(label);
        paragraph.createRun().setText(placeholder);
    }

    /** Header row with the loop tag in its first cell; the row below is the one poi-tl repeats per activity. */
    private static void activitiesTable(XWPFDocument document) {
        XWPFTable table = document.createTable(2, ACTIVITY_HEADERS.size());
        table.setWidth("100%");
        for (int column = 0; column < ACTIVITY_HEADERS.size(); column++) {
            String prefix = column == 0 ? "{{" + ReportModel.ACTIVITIES + "}}" : "";
            XWPFTableCell header = table.getRow(0).getCell(column);
            XWPFRun run = header.getParagraphs().get(0).createRun();
            run.setBold(true);
            run.setText(prefix + ACTIVITY_HEADERS.get(column));
            table.getRow(1).getCell(column).setText(ACTIVITY_CELLS.get(column));
        }
    }
}
