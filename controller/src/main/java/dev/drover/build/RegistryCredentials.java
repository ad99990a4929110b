package dev.drover.build;

import java.util.Objects;

/**
 * A login for an image registry, as {@code docker login} would send it.
 *
 * @param username      the user name ({@code AWS} for ECR)
 * @param password      the password or token; never printed
 * @param serverAddress the registry the login is for, e.g. {@code 127.0.0.1:5000} or
 *                      {@code https://123456789012.dkr.ecr.us-east-1.amazonaws.com}
 */
public record RegistryCredentials(String username, String password, String serverAddress) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(serverAddress, "serverAddress");
    }

    /** Names the user and the registry; the password is left out, so logs and messages never carry it. */
    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***, serverAddress=" + serverAddress + "]";
    }
}
