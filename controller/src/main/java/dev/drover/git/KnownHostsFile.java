package dev.drover.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * The controller's known_hosts file as JGit's host key database, strict: a server whose key is not listed, or
 * listed with another key, is refused whatever the ssh config says, and {@link #rejection()} says how to fix it.
 * Nothing is ever added to the file.
 */
final class KnownHostsFile implements ServerKeyDatabase {
    private final Path file;
    private volatile String rejection;

    KnownHostsFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Why the last server key was refused, as advice; empty while none was. */
    Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        try {
            return read(Host.parse(connectAddress)).listed();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        Host host = Host.parse(connectAddress);
        Entries entries;
        try {
            entries = read(host);
        } catch (IOException | RuntimeException e) {
            return refuse("cannot read the known hosts file " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): fix or recreate it, e.g. with " + keyscan(host));
        }
        String offered = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        if (entries.revoked().stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            return refuse("host key of " + host + " (" + offered + ") is marked @revoked in " + file
                    + ": do not fetch from this server until its key is replaced");
        }
        if (entries.listed().stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            rejection = null;
            return true;
        }
        if (entries.listed().isEmpty()) {
            return refuse("host key of " + host + " is not in " + file + ": add it with " + keyscan(host)
                    + " (the server offered " + offered + "; compare it with the fingerprint your git host publishes)");
        }
        return refuse("host key of " + host + " does not match " + file + ": the server offered " + offered
                + ", which is not the key listed there. If the server's key was changed on purpose, replace it: "
                + "ssh-keygen -R '" + host.pattern() + "' -f " + file + " && " + keyscan(host)
                + "; otherwise someone may be intercepting the connection");
    }

    private boolean refuse(String why) {
        rejection = why;
        return false;
    }

    private String keyscan(Host host) {
        return "ssh-keyscan -p " + host.port() + " " + host.name() + " >> " + file;
    }

    private Entries read(Host host) throws IOException {
        List<PublicKey> listed = new ArrayList<>();
        List<PublicKey> revoked = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Entries(listed, revoked);
        }
        for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(file)) {
            if (entry.getKeyEntry() == null || !entry.isHostMatch(host.name(), host.port())) {
                continue;
            }
            PublicKey key = resolve(entry);
            if (key == null) {
                continue;
            }
            if (entry.getMarker() == null) {
                listed.add(key);
            } else if ("revoked".equals(entry.getMarker())) {
                revoked.add(key);
            }
        }
        return new Entries(listed, revoked);
    }

    /** The entry's key; null for a type this JVM cannot check (e.g. ed25519 without an EdDSA provider). */
    private static PublicKey resolve(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private record Entries(List<PublicKey> listed, List<PublicKey> revoked) {
    }

    /** A server as JGit names it to the database: {@code host} for port 22, else {@code [host]:port}. */
    private record Host(String name, int port) {
        static Host parse(String connectAddress) {
            int close = connectAddress.lastIndexOf("]:");
            if (connectAddress.startsWith("[") && close > 0) {
                return new Host(connectAddress.substring(1, close), Integer.parseInt(connectAddress.substring(close + 2)));
            }
            return new Host(connectAddress, 22);
        }

        String pattern() {
            return port == 22 ? name : "[" + name + "]:" + port;
        }

        @Override
        public String toString() {
            return name + ":" + port;
        }
    }
}
