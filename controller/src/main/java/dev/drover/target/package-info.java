/**
 * Targets: the places jobs run (a backend, a capacity type, GPUs, an instance type and a price),
 * declared in the controller's configuration; and the {@link dev.drover.target.PriceBook} that says what a
 * host of an instance type costs now.
 *
 * <p>Plain Java.
 */
package dev.drover.target;
