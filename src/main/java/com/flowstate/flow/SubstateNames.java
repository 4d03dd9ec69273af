package com.flowstate.flow;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A substate's name in the reader's language. A flow may name its substates per language with
 * {@code <camunda:property name="name_en" value="Site survey"/>} (likewise {@code name_it}, {@code name_es}) on the
 * substate's sub-process; without one, the substate shows the name the BPMN gives it, in every language.
 *
 * <p>History rows keep the substate's BPMN name; this maps it (with the substate's key) to the reader's language.
 * The map is filled whenever the engine parses a flow, and once at start-up from every deployed flow. Two flows that
 * give the same key and name different translations: the last parsed wins (a designer's mistake, visible).
 */
@Component
public class SubstateNames {

    static final String PROPERTY_PREFIX = "name_";

    private static final Logger log = LoggerFactory.getLogger(SubstateNames.class);
    private static final Map<String, Map<String, String>> NAMES = new ConcurrentHashMap<>();

    private final RepositoryService repository;

    SubstateNames(RepositoryService repository) {
        this.repository = repository;
    }

    /** The substate's name in the language, or {@code name} (its BPMN name) when the flow gives none. */
    public static String localized(String substateKey, String name, Locale locale) {
        if (name == null || locale == null) {
            return name;
        }
        Map<String, String> names = NAMES.get(substateKey + "\u0000" + name);
        String localized = names == null ? null : names.get(locale.getLanguage());
        return localized == null ? name : localized;
    }

    static void remember(String substateKey, String name, Map<String, String> names) {
        if (names != null && !names.isEmpty()) {
            NAMES.put(substateKey + "\u0000" + name, Map.copyOf(names));
        }
    }

    /** The {@code name_<language>} properties of a substate's sub-process element, by language. */
    static Map<String, String> fromProperties(Element subProcess) {
        Map<String, String> names = new LinkedHashMap<>();
        Element extensions = subProcess.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return names;
        }
        for (Element property : properties.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String key = property.attribute("name");
            String value = property.attribute("value");
            if (key != null && key.startsWith(PROPERTY_PREFIX) && value != null && !value.isBlank()) {
                names.put(key.substring(PROPERTY_PREFIX.length()).toLowerCase(Locale.ROOT), value.strip());
            }
        }
        return names;
    }

    /** Parses every deployed flow once, so names are known before any of its instances runs after a restart. */
    @EventListener(ApplicationReadyEvent.class)
    void loadDeployedFlows() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            try {
                ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definition.getId());
            } catch (RuntimeException unreadable) {
                // Names are a nicety: a flow the engine cannot load now shows its BPMN names, and the app starts.
                log.warn("Substate names of flow {} not loaded: {}", definition.getId(), unreadable.toString());
            }
        }
    }
}
