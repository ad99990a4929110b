/**
 * Services: the worker applications Drover deploys (a git repository and branch).
 *
 * <p>Plain Java; may import {@code dev.drover.store}; never Micronaut, jOOQ or HTTP types.
 */
package dev.drover.service;
