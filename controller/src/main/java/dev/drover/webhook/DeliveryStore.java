package dev.drover.webhook;

import java.util.List;

/** The record of every webhook delivery. */
public interface DeliveryStore {

    Delivery append(Delivery delivery);

    /** Whether a delivery with this id from this provider was already accepted for the service. */
    boolean accepted(String serviceName, String provider, String deliveryId);

    /** Newest first. */
    List<Delivery> list(String serviceName, int limit);
}
