package dev.drover.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this agent was built as ({@code version.properties}, filled by Maven), sent when it registers. */
final class AgentVersion {
    private static final String VERSION = load();

    private AgentVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
