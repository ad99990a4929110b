package dev.drover.aws;

import dev.drover.target.Capacity;
import dev.drover.target.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SpotPrice;

/**
 * Prices from EC2: spot prices from the spot price history ({@code Linux/UNIX}), on-demand prices from
 * a configured table (the AWS price list API is a separate, global service Drover does not call).
 *
 * <p>Spot prices are fetched per instance type, every zone's newest price at once, and kept for the
 * refresh interval; the first ask after it fetches again. A failed fetch is logged and the prices known
 * before are kept (an instance type never fetched has none); the next ask tries again. For any zone
 * ({@code null}) the price is the mean of the zones' newest prices. Safe to use from several threads.
 */
public final class Ec2PriceBook implements PriceBook, AutoCloseable {
    /** The product whose spot prices are read: Linux on a VPC, what AWS Batch runs. */
    public static final String PRODUCT = "Linux/UNIX";
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(Ec2PriceBook.class);
    private static final int MEAN_SCALE = 6;

    private final Ec2Client ec2;
    private final Map<String, BigDecimal> onDemand;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, SpotPrices> spot = new ConcurrentHashMap<>();
    private final Object fetching = new Object();

    /** One instance type's newest spot price in each zone that offers it, as fetched at a time. */
    private record SpotPrices(Map<String, BigDecimal> byZone, Instant fetched) {
    }

    /**
     * @param ec2            closed with this price book
     * @param onDemandPrices US dollars per hour by instance type; types not in it have no on-demand price
     * @param refresh        how long fetched spot prices are used before they are fetched again
     */
    public Ec2PriceBook(Ec2Client ec2, Map<String, BigDecimal> onDemandPrices, Duration refresh, Clock clock) {
        if (refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("drover.aws.spot-price-refresh must be more than 0 (e.g. 15m), was "
                    + refresh);
        }
        onDemandPrices.forEach((type, price) -> {
            if (type == null || type.isBlank() || price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("drover.aws.on-demand-prices: the price of '" + type
                        + "' must be more than 0 US dollars per hour, was " + price
                        + "; leave an instance type out to have no on-demand price for it");
            }
        });
        this.ec2 = ec2;
        this.onDemand = Map.copyOf(onDemandPrices);
        this.refresh = refresh;
        this.clock = clock;
    }

    /** A price book on the configured EC2 endpoint, on the system clock. */
    public static Ec2PriceBook of(AwsClients clients, Map<String, BigDecimal> onDemandPrices, Duration refresh) {
        return new Ec2PriceBook(clients.ec2(), onDemandPrices, refresh, Clock.systemUTC());
    }

    @Override
    public Optional<BigDecimal> pricePerHour(String instanceType, String availabilityZone, Capacity capacity) {
        if (instanceType == null || instanceType.isBlank()) {
            throw new IllegalArgumentException("an instance type is required to look up a price, e.g. g5.xlarge");
        }
        return switch (capacity) {
            case ON_DEMAND -> Optional.ofNullable(onDemand.get(instanceType));
            case SPOT -> {
                SpotPrices prices = spotPrices(instanceType);
                if (prices == null) {
                    yield Optional.empty();
                }
                yield availabilityZone == null ? mean(prices.byZone().values())
                        : Optional.ofNullable(prices.byZone().get(availabilityZone));
            }
        };
    }

    private SpotPrices spotPrices(String instanceType) {
        SpotPrices known = spot.get(instanceType);
        if (fresh(known)) {
            return known;
        }
        synchronized (fetching) {
            known = spot.get(instanceType);
            if (fresh(known)) {
                return known;
            }
            try {
                SpotPrices fetched = fetch(instanceType);
                spot.put(instanceType, fetched);
                return fetched;
            } catch (SdkException | NumberFormatException e) {
                LOG.warn("Could not read the spot prices of {} from EC2 ({}); {}", instanceType, e.getMessage(),
                        known == null ? "no spot price for it until they can be read"
                                : "keeping those read at " + known.fetched());
                return known;
            }
        }
    }

    private boolean fresh(SpotPrices prices) {
        return prices != null && clock.instant().isBefore(prices.fetched().plus(refresh));
    }

    private SpotPrices fetch(String instanceType) {
        Instant now = clock.instant();
        Map<String, SpotPrice> newest = new HashMap<>();
        ec2.describeSpotPriceHistoryPaginator(b -> b.instanceTypesWithStrings(instanceType)
                        .productDescriptions(PRODUCT).startTime(now))
                .spotPriceHistory()
                .forEach(price -> {
                    if (instanceType.equals(price.instanceTypeAsString()) && price.availabilityZone() != null
                            && price.spotPrice() != null && price.timestamp() != null) {
                        newest.merge(price.availabilityZone(), price,
                                (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
                    }
                });
        Map<String, BigDecimal> byZone = new HashMap<>();
        newest.forEach((zone, price) -> byZone.put(zone, new BigDecimal(price.spotPrice())));
        return new SpotPrices(Map.copyOf(byZone), now);
    }

    private static Optional<BigDecimal> mean(Collection<BigDecimal> prices) {
        if (prices.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int scale = Math.max(MEAN_SCALE, sum.scale());
        return Optional.of(sum.divide(BigDecimal.valueOf(prices.size()), scale, RoundingMode.HALF_EVEN));
    }

    @Override
    public void close() {
        ec2.close();
    }
}
