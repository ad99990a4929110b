package dev.drover.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Dockerfile syntax the engine's classic builder cannot run (BuildKit-only features), so the
 * author gets the line and what to do instead of an engine error halfway through the build.
 */
public final class ClassicBuilderCheck {
    private static final Pattern RUN_FLAG = Pattern.compile("^\\s*RUN\\s+--(mount|network|security)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEREDOC = Pattern.compile("^\\s*(RUN|COPY|ADD)\\s+.*<<-?[\"']?[A-Za-z_]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern COPY_FLAG = Pattern.compile("^\\s*(COPY|ADD)\\s+.*--(chmod|link|parents|exclude)\\b", Pattern.CASE_INSENSITIVE);

    private ClassicBuilderCheck() {
    }

    /** One message per problem: {@code Dockerfile:LINE: what, and what to do}. */
    public static List<String> problems(String dockerfilePath, String text) {
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher run = RUN_FLAG.matcher(line);
            if (run.find()) {
                problems.add(dockerfilePath + ":" + (i + 1) + ": RUN --" + run.group(1)
                        + " needs BuildKit, which Drover's builds do not use: remove the flag (builds have no network;"
                        + " use a COPY of vendored dependencies instead of a cache or secret mount)");
            } else if (HEREDOC.matcher(line).find()) {
                problems.add(dockerfilePath + ":" + (i + 1)
                        + ": heredocs (<<EOF) need BuildKit: put the script in a file and COPY it, or join the commands with &&");
            } else {
                Matcher copy = COPY_FLAG.matcher(line);
                if (copy.find()) {
                    problems.add(dockerfilePath + ":" + (i + 1) + ": --" + copy.group(2)
                            + " needs BuildKit: drop it (set modes in the repository, or with a RUN chmod)");
                }
            }
        }
        return problems;
    }
}
