package com.flowstate.action.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipException;

import org.apache.poi.UnsupportedFileFormatException;
import org.springframework.stereotype.Component;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.exception.ExpressionEvalException;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import com.deepoove.poi.render.RenderContext;

/**
 * Fills a .docx template with poi-tl. poi-tl finds placeholders however Word split them into runs, and repeats a
 * table row per activity. Strict mode: a placeholder the data does not have is an error naming it, not a blank in
 * a document that went to a customer.
 */
@Component
class ReportFiller {

    /**
     * The filled document.
     *
     * @throws IllegalArgumentException when the bytes are not a .docx, or a placeholder names nothing in the data
     */
    byte[] fill(byte[] docx, Map<String, Object> data) {
        Configure configure = Configure.builder()
                .useDefaultEL(true)
                .setValidErrorHandler(ReportFiller::unknownPlaceholder)
                .bind(ReportModel.ACTIVITIES, new LoopRowTableRenderPolicy())
                .build();
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), configure).render(data);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            template.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
    }

    /**
     * Checks that a template fills with data of the real shape.
     *
     * @throws IllegalArgumentException with the reason when it does not
     */
    void check(byte[] docx) {
        fill(docx, ReportModel.sample());
    }

    /**
     * Called by poi-tl for a placeholder whose data it cannot render. The model has no nulls, so null data means the
     * placeholder names nothing (a typo, a field a report does not have); anything else, such as an empty list, is
     * left blank as poi-tl would.
     */
    private static void unknownPlaceholder(RenderContext<?> context) {
        if (context.getData() == null) {
            throw new UnknownPlaceholder(context.getEleTemplate().getSource());
        }
        new Configure.ClearHandler().handler(context);
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownPlaceholder unknown) {
                return "placeholder " + unknown.getMessage() + " names nothing a report has";
            }
            if (t instanceof ExpressionEvalException) {
                return "a placeholder names something a report does not have (" + t.getMessage() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnsupportedFileFormatException || root instanceof ZipException) {
            return "not a .docx document";
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A placeholder of the template that names nothing in the data; its message is the placeholder as written. */
    private static final class UnknownPlaceholder extends RuntimeException {
        UnknownPlaceholder(String placeholder) {
            super(placeholder);
        }
    }
}
