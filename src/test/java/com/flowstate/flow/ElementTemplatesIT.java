package com.flowstate.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.action.ActionDelegate;
import com.flowstate.support.IntegrationTest;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The Camunda Modeler element templates designers use are valid for the schema version they declare, and each action
 * template binds exactly the delegate bean and the input parameters the action reads.
 */
@IntegrationTest
class ElementTemplatesIT {

    private static final Path TEMPLATES = Path.of("bpmn", ".camunda", "element-templates");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("element-templates-json-schema@([0-9.]+)/");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    @Autowired ApplicationContext context;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTemplateIsValidForTheSchemaVersionItDeclares() throws IOException {
        List<Path> templates = templates();
        assertThat(templates).isNotEmpty();
        for (Path file : templates) {
            JsonNode template = json.readTree(file.toFile());
            Matcher version = SCHEMA_VERSION.matcher(template.path("$schema").asText());
            assertThat(version.find()).as("%s declares an element-templates schema version", file).isTrue();

            Set<ValidationMessage> errors = schema(version.group(1)).validate(template);

            assertThat(errors).as("%s against schema %s", file, version.group(1)).isEmpty();
        }
    }

    @Test
    void everyActionTemplateBindsTheInputsItsActionReads() throws IOException {
        int actionTemplates = 0;
        for (Path file : templates()) {
            JsonNode template = json.readTree(file.toFile());
            String delegate = bindingValue(template, "property", "camunda:delegateExpression");
            if (delegate == null) {
                continue;
            }
            actionTemplates++;
            assertThat(bindingValue(template, "property", "camunda:asyncBefore")).as("%s is async", file)
                    .isEqualTo("true");
            Matcher bean = BEAN.matcher(delegate);
            assertThat(bean.matches()).as("%s delegate expression %s", file, delegate).isTrue();
            assertThat(context.getBean(bean.group(1))).as("bean of %s", file).isInstanceOf(ActionDelegate.class);

            Set<String> bound = new HashSet<>();
            template.path("properties").forEach(property -> {
                if ("camunda:inputParameter".equals(property.path("binding").path("type").asText())) {
                    bound.add(property.path("binding").path("name").asText());
                }
            });

            assertThat(bound).as("inputs of %s", file)
                    .isEqualTo(((ActionDelegate) context.getBean(bean.group(1))).inputParameters());
        }
        assertThat(actionTemplates).isGreaterThanOrEqualTo(1);
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

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
        }
    }
}
