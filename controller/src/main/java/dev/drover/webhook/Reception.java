package dev.drover.webhook;

/** The answer to a delivery: its HTTP status, and what became of it and why. */
public record Reception(int status, DeliveryOutcome outcome, String reason) {
}
