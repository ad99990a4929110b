package dev.drover.target;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What an hour of one host of an instance type costs, in US dollars, bought as spot or on-demand
 * capacity: the live price a cloud asks, where a target's fixed {@code pricePerHour} is only an estimate.
 */
public interface PriceBook {
    /** No live prices: every target's fixed price stands. */
    PriceBook NONE = (instanceType, availabilityZone, capacity) -> Optional.empty();

    /**
     * The price of one hour of one host.
     *
     * @param instanceType     e.g. {@code g5.xlarge}
     * @param availabilityZone e.g. {@code us-east-1a}; {@code null} for any zone (each implementation says
     *                         how it combines the zones' prices)
     * @param capacity         spot or on-demand
     * @return the price, or empty when it is not known (never zero in its place)
     */
    Optional<BigDecimal> pricePerHour(String instanceType, String availabilityZone, Capacity capacity);
}
