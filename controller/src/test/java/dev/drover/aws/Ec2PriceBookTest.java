package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.agent.run.MutableClock;
import dev.drover.target.Capacity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spot prices from EC2's spot price history (every page, newest per zone, cached, kept on failure); on-demand from the table. */
class Ec2PriceBookTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration REFRESH = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(T0);
    private final FakeAws ec2 = new FakeAws();
    private final AwsClients clients = new AwsClients("us-east-1", Map.of(AwsClients.EC2, ec2.endpoint()),
            FakeAws.CREDENTIALS);
    private final Ec2PriceBook book = new Ec2PriceBook(clients.ec2(),
            Map.of("m5.large", new BigDecimal("0.096")), REFRESH, clock);

    @AfterEach
    void close() {
        book.close();
        clients.close();
        ec2.close();
    }

    @Test
    void everyPageIsReadAndTheNewestPriceInEachZoneWins() {
        ec2.handler(spotHistory(r -> r.body().contains("NextToken=page2")
                ? page(null, item("us-east-1a", "0.5100", "2025-03-01T11:00:00Z"),
                        item("us-east-1b", "0.9000", "2025-02-28T09:00:00Z"))
                : page("page2", item("us-east-1a", "0.4000", "2025-03-01T08:00:00Z"),
                        item("us-east-1b", "0.3000", "2025-03-01T10:00:00Z"))));

        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.5100"));
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1b", Capacity.SPOT)).contains(new BigDecimal("0.3000"));
        assertThat(book.pricePerHour("g5.xlarge", null, Capacity.SPOT)).hasValueSatisfying(
                price -> assertThat(price).isEqualByComparingTo("0.405"));
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1f", Capacity.SPOT)).isEmpty();

        assertThat(ec2.requests()).hasSize(2).allSatisfy(r -> assertThat(r.body())
                .contains("Action=DescribeSpotPriceHistory", "InstanceType.1=g5.xlarge",
                        "ProductDescription.1=Linux%2FUNIX", "StartTime=2025-03-01T12%3A00%3A00Z"));
        assertThat(ec2.requests().get(0).body()).doesNotContain("NextToken");
        assertThat(ec2.requests().get(1).body()).contains("NextToken=page2");
        assertThat(ec2.unsigned()).isEmpty();
    }

    @Test
    void pricesAreKeptForTheRefreshIntervalThenFetchedAgain() {
        AtomicReference<String> price = new AtomicReference<>("0.4000");
        ec2.handler(spotHistory(r -> page(null, item("us-east-1a", price.get(), "2025-03-01T11:00:00Z"))));

        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4000"));
        price.set("0.4500");
        clock.advance(REFRESH.minusSeconds(1));
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4000"));
        assertThat(ec2.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4500"));
        assertThat(ec2.requests()).hasSize(2);
        assertThat(ec2.requests().get(1).body()).contains("StartTime=2025-03-01T12%3A15%3A00Z");
        assertThat(ec2.unsigned()).isEmpty();
    }

    @Test
    void aFailedRefreshKeepsTheOldPriceAndTheNextAskTriesAgain() {
        AtomicReference<FakeAws.Reply> reply = new AtomicReference<>(
                FakeAws.Reply.xml(page(null, item("us-east-1a", "0.4000", "2025-03-01T11:00:00Z"))));
        ec2.handler(r -> reply.get());

        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4000"));
        reply.set(ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));
        clock.advance(REFRESH);
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4000"));
        assertThat(ec2.requests()).hasSize(2);

        reply.set(FakeAws.Reply.xml(page(null, item("us-east-1a", "0.4700", "2025-03-01T12:10:00Z"))));
        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4700"));
        assertThat(ec2.requests()).hasSize(3);
        assertThat(ec2.unsigned()).isEmpty();
    }

    @Test
    void withoutAnyPriceReadAFailureIsNoPriceNotZero() {
        ec2.handler(r -> ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation."));

        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).isEmpty();
        assertThat(book.pricePerHour("g5.xlarge", null, Capacity.SPOT)).isEmpty();
        assertThat(ec2.requests()).hasSize(2);
    }

    @Test
    void throttlingIsRetriedByTheSdk() {
        AtomicInteger calls = new AtomicInteger();
        ec2.handler(r -> calls.incrementAndGet() == 1
                ? ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")
                : FakeAws.Reply.xml(page(null, item("us-east-1a", "0.4000", "2025-03-01T11:00:00Z"))));

        assertThat(book.pricePerHour("g5.xlarge", "us-east-1a", Capacity.SPOT)).contains(new BigDecimal("0.4000"));
        assertThat(ec2.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.body()).contains("Action=DescribeSpotPriceHistory"));
        assertThat(ec2.unsigned()).isEmpty();
    }

    @Test
    void anInstanceTypeWithoutSpotOffersHasNoSpotPriceAndIsNotAskedAgainWithinTheInterval() {
        ec2.handler(spotHistory(r -> page(null)));

        assertThat(book.pricePerHour("p9.huge", "us-east-1a", Capacity.SPOT)).isEmpty();
        assertThat(book.pricePerHour("p9.huge", null, Capacity.SPOT)).isEmpty();
        assertThat(ec2.requests()).hasSize(1);
    }

    @Test
    void onDemandPricesComeFromTheTableWithoutAskingEc2() {
        assertThat(book.pricePerHour("m5.large", "us-east-1a", Capacity.ON_DEMAND)).contains(new BigDecimal("0.096"));
        assertThat(book.pricePerHour("m5.large", null, Capacity.ON_DEMAND)).contains(new BigDecimal("0.096"));
        assertThat(book.pricePerHour("g5.xlarge", null, Capacity.ON_DEMAND)).isEmpty();
        assertThat(ec2.requests()).isEmpty();
    }

    @Test
    void badSettingsSayWhatToFix() {
        try (var client = clients.ec2()) {
            assertThatThrownBy(() -> new Ec2PriceBook(client, Map.of("m5.large", BigDecimal.ZERO), REFRESH, clock))
                    .hasMessageContaining("drover.aws.on-demand-prices")
                    .hasMessageContaining("m5.large")
                    .hasMessageContaining("more than 0");
            assertThatThrownBy(() -> new Ec2PriceBook(client, Map.of(), Duration.ZERO, clock))
                    .hasMessageContaining("drover.aws.spot-price-refresh");
        }
        assertThatThrownBy(() -> book.pricePerHour(" ", null, Capacity.SPOT)).hasMessageContaining("instance type");
    }

    /** Answers DescribeSpotPriceHistory with the page the function gives, anything else with an error. */
    private static Function<FakeAws.Request, FakeAws.Reply> spotHistory(Function<FakeAws.Request, String> pages) {
        return r -> r.body().contains("Action=DescribeSpotPriceHistory") ? FakeAws.Reply.xml(pages.apply(r))
                : ec2Error(400, "InvalidAction", "unexpected request " + r.body());
    }

    private static String page(String nextToken, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<DescribeSpotPriceHistoryResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>"
                + "<spotPriceHistorySet>" + String.join("", items) + "</spotPriceHistorySet>"
                + (nextToken == null ? "<nextToken/>" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeSpotPriceHistoryResponse>";
    }

    private static String item(String zone, String price, String timestamp) {
        return "<item><instanceType>g5.xlarge</instanceType><productDescription>Linux/UNIX</productDescription>"
                + "<spotPrice>" + price + "</spotPrice><timestamp>" + timestamp + "</timestamp>"
                + "<availabilityZone>" + zone + "</availabilityZone></item>";
    }

    private static FakeAws.Reply ec2Error(int status, String code, String message) {
        return new FakeAws.Reply(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "</Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>", Map.of());
    }
}
