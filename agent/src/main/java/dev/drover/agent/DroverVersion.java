package dev.drover.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version Drover was built as ({@code version.properties}, filled by Maven): what the agent sends when it
 * registers, and what the controller and the CLI report. One version for the whole distribution.
 */
public final class DroverVersion {
    private static final String VERSION = load();

    private DroverVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = DroverVersion.class.getResourceAsStream("version.properties")) {
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
