package com.flowstate.flow;

/**
 * A deployed flow that names a piece of configuration, as {@link FlowReferences} finds it.
 *
 * @param key     the process key
 * @param name    the name of its latest version, or the key when that version has none: how people know the flow
 * @param version its latest version's number (the version that names the configuration may be an older one that
 *                opportunities still run on)
 */
public record FlowReference(String key, String name, int version) {

    /**
     * The flow with its key and latest version, for a reader who must tell it from others of the same name:
     * {@code "Installation flow" (InstallationFlow v3)}.
     */
    public String label() {
        return "\"" + name + "\" (" + key + " v" + version + ")";
    }
}
