/**
 * The Docker engine adapter (docker-java): builds images from a tar context written from git
 * objects (honouring {@code .dockerignore}), runs tests in containers with no network, pushes to
 * registries with the login {@link dev.drover.build.RegistryAuth} gives. The only package that
 * imports docker-java.
 */
package dev.drover.docker;
