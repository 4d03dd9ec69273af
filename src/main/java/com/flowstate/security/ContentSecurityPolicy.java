package com.flowstate.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.VaadinServiceInitListener;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Content-Security-Policy of the UI, and the per-response nonce that lets exactly the scripts of Vaadin's
 * bootstrap page run: an injected {@code <script>} or inline event handler has no nonce and is blocked. Flow runs
 * the JavaScript the server sends with {@code new Function}, so 'unsafe-eval' stays; its components set inline
 * styles, so styles need 'unsafe-inline'. Everything else comes from this server only (decision 0016).
 */
@Component
class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    /** The API answers JSON and files only: nothing in a response may load, run or frame anything. */
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    private static final String UI = "default-src 'self'; script-src 'self' 'nonce-%s' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final String NONCE = ContentSecurityPolicy.class.getName() + ".nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The UI policy of this response, with its nonce. */
    static String forUi(HttpServletRequest request) {
        return UI.formatted(nonce(request));
    }

    /** Writes the UI policy on every response of the UI chain (Camunda's webapp is matched out before this). */
    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HEADER, forUi(request));
    }

    /**
     * Puts this response's nonce on every script of Vaadin's bootstrap page. It must run after every other
     * page listener (Hilla's adds a script with the views). Vaadin calls the service init listeners in the order
     * Spring lists the beans, and Spring lists singletons registered by hand after every defined bean: so this one is
     * registered by hand, once every bean definition is known.
     */
    static BeanFactoryPostProcessor registerScriptNonces() {
        return beans -> beans.registerSingleton("scriptNonceListener",
                (VaadinServiceInitListener) event -> event.addIndexHtmlRequestListener(page -> {
                    if (page.getVaadinRequest() instanceof HttpServletRequest request) {
                        page.getDocument().select("script").attr("nonce", nonce(request));
                    }
                }));
    }

    /** One nonce per request, made by whichever asks first: the page listener or the header writer. */
    private static String nonce(HttpServletRequest request) {
        Object nonce = request.getAttribute(NONCE);
        if (nonce == null) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE, nonce);
        }
        return (String) nonce;
    }
}
