package com.flowstate.action.email;

/** A template filled in for one opportunity. */
public record RenderedEmail(String subject, String bodyHtml, String bodyText) {

    private static final int PREVIEW_LENGTH = 240;

    public String preview() {
        String flat = bodyText.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW_LENGTH ? flat : flat.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
