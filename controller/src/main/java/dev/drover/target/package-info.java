/**
 * Targets: the places jobs run (a backend, a capacity type, GPUs, an instance type and a price),
 * declared in the controller's configuration.
 *
 * <p>Plain Java.
 */
package dev.drover.target;
