package dev.drover.aws;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the setting {@code drover.aws.on-demand-prices}: US dollars per hour by instance type. Instance
 * types have dots in them ({@code m5.large}), which configuration splits into nested maps
 * ({@code m5 -> large -> 0.096}); binding the setting straight to a {@code Map<String, BigDecimal>} gives
 * an empty map. Bind it as {@code Map<String, Object>} and read it here, which joins the keys again.
 */
public final class OnDemandPrices {
    public static final String SETTING = "drover.aws.on-demand-prices";

    private OnDemandPrices() {
    }

    /** The table, from the setting as bound (nested or flat); null or empty: no on-demand prices. */
    public static Map<String, BigDecimal> of(Map<String, ?> setting) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        if (setting != null) {
            collect("", setting, prices);
        }
        return Map.copyOf(prices);
    }

    private static void collect(String prefix, Map<?, ?> node, Map<String, BigDecimal> prices) {
        node.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                collect(name + ".", nested, prices);
            } else {
                prices.put(name, price(name, value));
            }
        });
    }

    private static BigDecimal price(String instanceType, Object value) {
        try {
            BigDecimal price = new BigDecimal(String.valueOf(value).trim());
            if (price.signum() > 0) {
                return price;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(SETTING + "." + instanceType + " must be a price in US dollars per hour "
                + "more than 0, e.g. 0.096, was '" + value + "'; leave an instance type out to have no on-demand price");
    }
}
