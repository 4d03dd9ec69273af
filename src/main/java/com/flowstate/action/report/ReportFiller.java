package com.flowstate.action.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;

import org.apache.poi.UnsupportedFileFormatException;
import org.springframework.stereotype.Component;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.exception.ExpressionEvalException;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import com.deepoove.poi.render.RenderContext;
import com.deepoove.poi.template.MetaTemplate;
import com.flowstate.i18n.Reason;

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
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), configure()).render(data);
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
     * The placeholders of a template as written ({@code {{customer.name}}}, {@code {{activities}}}…), in document
     * order, each once.
     *
     * @throws IllegalArgumentException when the bytes are not a .docx
     */
    List<String> placeholders(byte[] docx) {
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), configure())) {
            return template.getElementTemplates().stream().map(MetaTemplate::variable).distinct().toList();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
    }

    /**
     * Why a template cannot be filled with data of the real shape, as a reason an admin reads in their language;
     * empty when it can.
     */
    Optional<Reason> problem(String name, byte[] docx) {
        try {
            check(docx);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof UnknownPlaceholder unknown) {
                    return Optional.of(Reason.of("reportTemplate.unknownPlaceholder", "name", name, "placeholder",
                            unknown.getMessage()));
                }
                if (t instanceof ExpressionEvalException) {
                    return Optional.of(Reason.of("reportTemplate.unknownPlaceholder", "name", name, "placeholder",
                            t.getMessage()));
                }
            }
            if ("not a .docx document".equals(e.getMessage())) {
                return Optional.of(Reason.of("reportTemplate.notDocx", "name", name));
            }
            return Optional.of(Reason.of("reportTemplate.notFilled", "name", name, "error", e.getMessage()));
        }
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

    private static Configure configure() {
        return Configure.builder()
                .useDefaultEL(true)
                .setValidErrorHandler(ReportFiller::unknownPlaceholder)
                .bind(ReportModel.ACTIVITIES, new LoopRowTableRenderPolicy())
                .build();
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
