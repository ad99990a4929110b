package dev.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/configuration.md names every Drover setting that has a default. */
class ConfigurationDocsTest {

    @Test
    void everyDroverSettingIsDocumented() throws IOException {
        Map<String, Object> defaults;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            defaults = new Yaml().load(in);
        }
        List<String> keys = new ArrayList<>();
        flatten("drover", defaults.get("drover"), keys);
        String docs = Files.readString(Path.of("..", "docs", "configuration.md"));

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(docs).contains("`" + key + "`"));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, List<String> keys) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(prefix + "." + k, v, keys));
        } else {
            keys.add(prefix);
        }
    }
}
