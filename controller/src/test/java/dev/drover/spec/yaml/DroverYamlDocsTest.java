package dev.drover.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/drover-yaml.md: every yaml example is a complete valid file, and every key is documented. */
class DroverYamlDocsTest {
    private static final Path DOC = Path.of("..", "docs", "drover-yaml.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("(?ms)^```yaml\\n(.*?)^```");

    static List<String> yamlBlocks() throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void theDocShowsAtLeastThreeExamples() throws IOException {
        assertThat(yamlBlocks()).hasSizeGreaterThanOrEqualTo(3);
    }

    static Stream<String> examples() throws IOException {
        return yamlBlocks().stream();
    }

    @ParameterizedTest(name = "example {index}")
    @MethodSource("examples")
    void everyYamlExampleIsAValidFile(String yaml) {
        assertThatCode(() -> DroverYaml.parse("drover-yaml.md", yaml, null)).doesNotThrowAnyException();
    }

    @Test
    void everyKeyIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<String> keys = new ArrayList<>(ServiceReader.KEYS);
        JobReader.KEYS.forEach(k -> keys.add("job." + k));
        TierReader.KEYS.forEach(k -> keys.add(k));
        StageReader.KEYS.forEach(k -> keys.add(k));
        GatesReader.KEYS.forEach(k -> keys.add("gates." + k));
        keys.addAll(List.of("build.dockerfile", "build.context", "test.command", "test.timeout",
                "job.retries.infra", "job.retries.code", "canaryLoad.replayRecent"));

        assertThat(keys).allSatisfy(key -> assertThat(doc).contains("`" + key));
    }
}
