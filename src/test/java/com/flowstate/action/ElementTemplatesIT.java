package com.flowstate.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.support.IntegrationTest;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Camunda Modeler element templates designers use (bpmn/.camunda/element-templates, copied to the class path by
 * the build) are valid for the schema version they declare, every action has exactly one, and each binds exactly the
 * action's bean and the input parameters the action reads.
 */
@IntegrationTest
class ElementTemplatesIT {

    private static final Pattern SCHEMA_VERSION = Pattern.compile("element-templates-json-schema@([0-9.]+)/");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired List<Action<?>> actions;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTemplateIsValidForTheSchemaVersionItDeclares() throws IOException {
        Map<String, JsonNode> templates = templates();
        assertThat(templates).isNotEmpty();
        for (var file : templates.entrySet()) {
            JsonNode template = file.getValue();
            Matcher version = SCHEMA_VERSION.matcher(template.path("$schema").asText());
            assertThat(version.find()).as("%s declares an element-templates schema version", file.getKey()).isTrue();

            Set<ValidationMessage> errors = schema(version.group(1)).validate(template);

            assertThat(errors).as("%s against schema %s", file.getKey(), version.group(1)).isEmpty();
        }
    }

    @Test
    void everyActionHasExactlyOneTemplateBindingItsBeanAndTheInputsItReads() throws IOException {
        Map<String, List<String>> templatesByBean = new HashMap<>();
        for (var file : templates().entrySet()) {
            JsonNode template = file.getValue();
            String delegate = bindingValue(template, "property", "camunda:delegateExpression");
            if (delegate == null) {
                continue;
            }
            assertThat(bindingValue(template, "property", "camunda:asyncBefore")).as("%s is async", file.getKey())
                    .isEqualTo("true");
            Matcher bean = BEAN.matcher(delegate);
            assertThat(bean.matches()).as("%s delegate expression %s", file.getKey(), delegate).isTrue();
            Action<?> action = actions.stream().filter(a -> a.name().equals(bean.group(1))).findFirst().orElse(null);
            assertThat(action).as("the action %s binds", file.getKey()).isNotNull();
            templatesByBean.computeIfAbsent(action.name(), name -> new ArrayList<>()).add(file.getKey());

            Set<String> bound = new HashSet<>();
            template.path("properties").forEach(property -> {
                if ("camunda:inputParameter".equals(property.path("binding").path("type").asText())) {
                    bound.add(property.path("binding").path("name").asText());
                }
            });

            assertThat(bound).as("inputs of %s", file.getKey()).isEqualTo(action.inputParameters());
        }
        assertThat(actions).hasSizeGreaterThanOrEqualTo(7);
        for (Action<?> action : actions) {
            assertThat(templatesByBean.get(action.name())).as("templates of action %s", action.name()).hasSize(1);
        }
    }

    private static String bindingValue(JsonNode template, String type, String name) {
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            if (type.equals(binding.path("type").asText()) && name.equals(binding.path("name").asText())) {
                return property.path("value").asText();
            }
        }
        return null;
    }

    private static JsonSchema schema(String version) throws IOException {
        Path dir = Path.of(System.getProperty("element-templates.schema-dir", "target/element-templates-schema"));
        Path file = dir.resolve(version).resolve("package/resources/schema.json");
        assertThat(file).as("schema %s fetched by the build (pom property element-templates-schema.version)",
                version).exists();
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    /** Every template on the class path, by its location. */
    private Map<String, JsonNode> templates() throws IOException {
        Map<String, JsonNode> templates = new HashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(Actions.ELEMENT_TEMPLATES)) {
            try (InputStream in = resource.getInputStream()) {
                templates.put(resource.getURL().toString(), json.readTree(in));
            }
        }
        return templates;
    }
}
