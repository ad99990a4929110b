package dev.drover.spec.yaml;

import dev.drover.spec.SpecError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** The errors found in one file so far. SnakeYAML counts lines and columns from 0; these are from 1. */
final class Errors {
    private final String file;
    private final List<SpecError> found = new ArrayList<>();

    Errors(String file) {
        this.file = file;
    }

    void at(Node node, String message) {
        at(node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        if (mark == null) {
            atStart(message);
        } else {
            found.add(new SpecError(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    void atStart(String message) {
        found.add(new SpecError(file, 1, 1, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** By line, then column; errors at the same place keep the order they were found in. */
    List<SpecError> inFileOrder() {
        return found.stream()
                .sorted(Comparator.comparingInt(SpecError::line).thenComparingInt(SpecError::column))
                .toList();
    }
}
