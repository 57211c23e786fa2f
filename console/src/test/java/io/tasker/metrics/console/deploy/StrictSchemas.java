package io.tasker.metrics.console.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON schemas of the Kubernetes API groups and of the prometheus-operator's kinds that
 * fabric8's kubernetes-model jars carry ({@code schema/validation-schema.json}, one per jar, test
 * dependencies of this module), made strict: an object that lists its properties accepts no other
 * ({@code additionalProperties: false}), as the API server's strict field validation
 * ({@code kubectl apply --validate=strict}) and kubeconform's {@code -strict} do. A typo such as
 * {@code readOnlyRootFileSystem} is then an error, which the npm models' check accepts. Checked
 * with networknt's validator.
 *
 * <p>Two kinds of value are Java types in these schemas and are put back as the API writes them:
 * a quantity ({@code 100m}, {@code 2Gi}) and an int-or-string (a port by name or number).
 */
final class StrictSchemas {
    static final String RESOURCE = "schema/validation-schema.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> JAVA_KEYWORDS =
            List.of("javaType", "existingJavaType", "javaInterfaces", "javaOmitEmpty", "serializer", "deserializer");

    private final ObjectNode definitions;
    /** "apiVersion kind" to the name of its definition. */
    private final Map<String, String> kinds;

    private final Map<String, JsonSchema> compiled = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private StrictSchemas(ObjectNode definitions, Map<String, String> kinds) {
        this.definitions = definitions;
        this.kinds = kinds;
    }

    /** Every schema jar on the class path, merged (their definitions are named by API group). */
    static StrictSchemas load() {
        ObjectNode definitions = NODES.objectNode();
        try {
            for (URL url : Collections.list(StrictSchemas.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    definitions.setAll(
                            (ObjectNode) DeployFiles.JSON.readTree(in).path("definitions"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (definitions.isEmpty()) {
            throw new AssertionError("No " + RESOURCE
                    + " on the class path: the fabric8 kubernetes-model test dependencies are missing");
        }
        Map<String, String> kinds = new TreeMap<>();
        definitions.properties().forEach(d -> {
            JsonNode properties = d.getValue().path("properties");
            String apiVersion = properties.path("apiVersion").path("default").asText("");
            String kind = properties.path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                kinds.putIfAbsent(apiVersion + " " + kind, d.getKey());
            }
            d.setValue(strict(d.getKey(), d.getValue()));
        });
        return new StrictSchemas(definitions, kinds);
    }

    /** What is wrong with one rendered object, each error naming the object and the field's path. */
    List<String> errors(JsonNode object) {
        String name = object.path("kind").asText() + " "
                + object.path("metadata").path("name").asText();
        String key =
                object.path("apiVersion").asText() + " " + object.path("kind").asText();
        if (!kinds.containsKey(key)) {
            return List.of(name + ": no schema for " + key);
        }
        List<String> errors = new ArrayList<>();
        for (ValidationMessage m : compiled.computeIfAbsent(key, this::compile).validate(object)) {
            errors.add(name + ": " + m.getMessage());
        }
        return errors;
    }

    boolean knows(String apiVersion, String kind) {
        return kinds.containsKey(apiVersion + " " + kind);
    }

    private JsonSchema compile(String key) {
        ObjectNode root = NODES.objectNode();
        root.put("$ref", "#/definitions/" + kinds.get(key));
        root.set("definitions", definitions);
        return factory.getSchema(root);
    }

    private static JsonNode strict(String name, JsonNode definition) {
        if (name.endsWith("_Quantity")) {
            return types("string", "number");
        }
        if (name.endsWith("_IntOrString")) {
            return types("string", "integer");
        }
        closeObjects(definition);
        return definition;
    }

    private static ObjectNode types(String... names) {
        ArrayNode type = NODES.arrayNode();
        for (String n : names) {
            type.add(n);
        }
        return NODES.objectNode().set("type", type);
    }

    /**
     * additionalProperties: false wherever properties are listed; maps (additionalProperties with a
     * schema) stay open. The draft-3 {@code "required": true} inside properties is dropped: draft 7
     * reads {@code required} as a list. So are fabric8's keywords for its Java generator, which
     * the validator would warn about.
     */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("required").isBoolean()) {
                o.remove("required");
            }
            o.remove(JAVA_KEYWORDS);
            if (o.path("properties").isObject()
                    && !o.path("properties").isEmpty()
                    && !o.path("additionalProperties").isObject()) {
                o.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                closeObjects(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(StrictSchemas::closeObjects);
        }
    }
}
