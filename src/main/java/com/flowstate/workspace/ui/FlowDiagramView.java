package com.flowstate.workspace.ui;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.workspace.DiagramPicture;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * The opportunity's flow drawn by bpmn-js's Viewer: the deployed BPMN, open substates highlighted, each action marked
 * done / failed / retrying / scheduled. The viewer is a static script ({@code /bpmn-js/}, fetched from the npm
 * registry at build time) and {@code /flowstate/flow-diagram.js} draws with it; neither is part of Vaadin's bundle.
 * The picture is wider than a phone: it scrolls inside its frame.
 */
class FlowDiagramView extends Div {

    static final String VIEWER_SCRIPT = "context://bpmn-js/bpmn-viewer.production.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Div canvas = new Div();
    private DiagramPicture picture;

    FlowDiagramView() {
        setId("workspace-diagram");
        addClassName("fs-diagram");
        canvas.addClassName("fs-diagram-canvas");
        add(canvas);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var page = attach.getUI().getPage();
        page.addStyleSheet("context://bpmn-js/diagram-js.css");
        page.addStyleSheet("context://bpmn-js/bpmn-js.css");
        page.addJavaScript(VIEWER_SCRIPT);
        page.addJavaScript("context://flowstate/flow-diagram.js");
        if (picture != null) {
            draw();
        }
    }

    void show(DiagramPicture picture) {
        this.picture = picture;
        if (isAttached()) {
            draw();
        }
    }

    private void draw() {
        Map<String, String> labels = Map.of(
                "done", getTranslation("opportunity.page.mark.done"),
                "failed", getTranslation("opportunity.page.mark.failed"),
                "retrying", getTranslation("opportunity.page.mark.retrying"),
                "scheduled", getTranslation("opportunity.page.mark.scheduled"),
                "open", getTranslation("opportunity.page.mark.open"));
        // The scripts load in order before this runs; the wait covers a slow first load of the viewer all the same.
        getElement().executeJs("""
                        const draw = (tries) => window.flowstateDiagram && window.BpmnJS
                            ? window.flowstateDiagram.render(this, $0, JSON.parse($1), JSON.parse($2), JSON.parse($3))
                            : (tries > 0 && setTimeout(() => draw(tries - 1), 100));
                        draw(100);""",
                picture.xml(), json(picture.highlighted()), json(picture.marks()), json(labels));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
