package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.config.ConfigKey;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The starter cannot drift from the YAML keys: every key is a documented property, with the key's default. */
class ConfigurationMetadataTest {
    @Test
    void theMetadataListsEveryConfigurationKeyWithItsDefault() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            new ObjectMapper()
                    .readTree(in)
                    .get("properties")
                    .forEach(p -> properties.put(p.get("name").asText(), p));
        }
        for (ConfigKey key : ConfigKey.ALL) {
            JsonNode property = properties.get(TaskerConfigs.propertyName(key));
            assertThat(property).as("metadata of " + key.name()).isNotNull();
            assertThat(property.path("description").asText()).as(key.name()).contains(key.name());
            if (key.defaultValue() != null) {
                assertThat(property.path("defaultValue").asText())
                        .as("default of " + key.name())
                        .isEqualTo(key.defaultValue());
            } else {
                assertThat(property.has("defaultValue"))
                        .as(key.name() + " has no default")
                        .isFalse();
            }
            if (key.env() != null) {
                assertThat(property.path("description").asText()).as(key.name()).contains(key.env());
            }
        }
        assertThat(properties)
                .containsKeys(
                        "tasker.enabled",
                        "tasker.micrometer.enabled",
                        "tasker.jvm.enabled",
                        "tasker.events.enabled",
                        "tasker.config-file",
                        "management.endpoint.tasker.access");
    }
}
