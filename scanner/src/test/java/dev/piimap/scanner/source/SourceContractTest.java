package dev.piimap.scanner.source;

import dev.piimap.classifiers.EntityType;
import dev.piimap.scanner.config.ScanConfigLoader;
import dev.piimap.scanner.config.SourceConfig;
import dev.piimap.scanner.extract.ExtractionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every source type promises, run against each one by a subclass that sets up a real backend
 * (embedded PostgreSQL, MariaDB, SQLite, a folder, s3proxy, ...): listing, reading, sampling, an
 * unreachable source, permission denied, and the revision that lets an incremental run skip an
 * unchanged item. Sources are built from {@code scan.yaml} text, as users write it.
 *
 * <p>A subclass prepares, before the tests run, an estate with at least: a {@link #knownItem()} holding
 * {@link #KNOWN_EMAIL} (and nothing that is the subject of another test), a {@link #cleanItem()} holding
 * no personal data, and a {@link #bigItem()} larger than what {@link #sampledSourceYaml()} reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SourceContractTest {
    /** The e-mail address the known item holds. */
    public static final String KNOWN_EMAIL = "contract.subject@example.com";

    /** One {@code sources:} entry (a YAML mapping) over the prepared estate, named {@link #sourceName()}. */
    protected abstract String sourceYaml();

    /** The same source configured to read a sample of big items only. */
    protected abstract String sampledSourceYaml();

    /** The same kind of source pointing where nothing answers (closed port, missing folder or bucket). */
    protected abstract String unreachableSourceYaml();

    protected abstract String knownItem();

    protected abstract String cleanItem();

    protected abstract String bigItem();

    /**
     * Checks that the sampled scan of {@link #bigItem()} read a bounded part and said so where the
     * source's outcome can (a truncated status, a finding count no greater than the sample).
     */
    protected abstract void assertSampled(ItemResult sampledBigItem);

    /**
     * Denies the scanner access to something: either an item it lists but may not read (returned as
     * its locator) or, where the backend cannot deny single items, a source whose credentials are
     * refused (returned as YAML with the key {@code denied-source}). Empty when the platform cannot
     * deny anything (local files read as root).
     */
    protected abstract Optional<Denial> denial() throws Exception;

    /** Changes {@link #knownItem()} (adds a row, rewrites the file) so its revision must change; it keeps {@link #KNOWN_EMAIL}. */
    protected abstract void changeKnownItem() throws Exception;

    /** What a subclass can deny: an item the scanner lists but may not read, or a whole source. */
    public record Denial(String deniedItem, String deniedSourceYaml) {
        public static Denial item(String locator) {
            return new Denial(locator, null);
        }

        public static Denial source(String yaml) {
            return new Denial(null, yaml);
        }
    }

    protected String sourceName() {
        return "contract";
    }

    /** Where relative paths in the YAML resolve. */
    protected Path baseDir() {
        return Path.of(".").toAbsolutePath();
    }

    protected ScanContext context() {
        return new ScanContext("contract-run", ExtractionLimits.defaults(), true);
    }

    protected ScanContext sampledContext() {
        return context();
    }

    protected final SourceConnector connector(String sourceYaml) {
        String yaml = "datamap: ./datamap\nsources:\n" + indent(sourceYaml);
        List<SourceConfig> sources = new ScanConfigLoader().parse(yaml, baseDir()).sources();
        return sources.get(0).connector();
    }

    protected final Map<String, ScanItem> list(SourceConnector connector) throws SourceException {
        return connector.listItems().stream()
                .collect(Collectors.toMap(ScanItem::locator, Function.identity(), (a, b) -> {
                    throw new AssertionError("item listed twice: " + a.locator());
                }, TreeMap::new));
    }

    @Test
    void listsEveryItemOnceInTheSameOrderEachTime() throws Exception {
        SourceConnector connector = connector(sourceYaml());

        List<ScanItem> first = connector.listItems();
        List<ScanItem> second = connector.listItems();

        assertThat(first).extracting(ScanItem::locator).doesNotHaveDuplicates()
                .contains(knownItem(), cleanItem(), bigItem())
                .isEqualTo(second.stream().map(ScanItem::locator).toList());
        assertThat(first).allSatisfy(item -> assertThat(item.source()).isEqualTo(sourceName()));
    }

    /** A source that may list in shards gives, through every shard of a plan, exactly what it lists at once. */
    @Test
    void aListingInShardsHoldsExactlyTheItemsOfTheWholeListing() throws Exception {
        SourceConnector connector = connector(sourceYaml());
        assumeTrue(connector instanceof SupportsShardedListing, "the source lists on the driver only");
        SupportsShardedListing sharded = (SupportsShardedListing) connector;
        List<ScanItem> whole = connector.listItems();

        SupportsShardedListing.Plan small = sharded.planListing(whole.size());
        SupportsShardedListing.Plan large = sharded.planListing(0);

        assertThat(small.isComplete()).isTrue();
        assertThat(small.items()).isEqualTo(whole);
        assertThat(large.isComplete()).as("more items than the driver may hold").isFalse();
        assertThat(ShardedListingsAssert.union(sharded, large)).isEqualTo(ShardedListingsAssert.sorted(whole));
    }

    @Test
    void readsAnItemAndClassifiesWhatItHolds() throws Exception {
        SourceConnector connector = connector(sourceYaml());
        ItemResult known = connector.scan(list(connector).get(knownItem()), context());

        assertThat(known.assets()).allSatisfy(a -> assertThat(a.asset()).startsWith(prefixOf(knownItem())));
        assertThat(known.assets()).extracting(AssetOutcome::status).doesNotContain(ItemStatus.ERROR);
        assertThat(known.findings()).extracting(AssetFinding::type).contains(EntityType.EMAIL_ADDRESS);
        assertThat(known.findings()).allSatisfy(f -> {
            assertThat(f.source()).isEqualTo(sourceName());
            assertThat(f.sample() == null || !f.sample().contains(KNOWN_EMAIL)).as("sample is masked").isTrue();
            assertThat(f.explanation() == null || !f.explanation().contains(KNOWN_EMAIL)).isTrue();
        });
    }

    @Test
    void aCleanItemIsReadAndHasNoFindings() throws Exception {
        SourceConnector connector = connector(sourceYaml());
        ItemResult clean = connector.scan(list(connector).get(cleanItem()), context());

        assertThat(clean.assets()).isNotEmpty().allSatisfy(a -> assertThat(a.status()).isEqualTo(ItemStatus.OK));
        assertThat(clean.findings()).isEmpty();
    }

    @Test
    void samplingBoundsWhatIsReadOfABigItem() throws Exception {
        SourceConnector connector = connector(sampledSourceYaml());
        ItemResult big = connector.scan(list(connector).get(bigItem()), sampledContext());

        assertThat(big.assets()).extracting(AssetOutcome::status).doesNotContain(ItemStatus.ERROR);
        assertSampled(big);
    }

    @Test
    void anUnreachableSourceFailsItsListingWithAReasonAndNoSecret() {
        SourceConnector connector = connector(unreachableSourceYaml());

        assertThatThrownBy(connector::listItems)
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(sourceName())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret", "password=", KNOWN_EMAIL));
    }

    @Test
    void permissionDeniedIsReportedAsSuchAndOthersStillScan() throws Exception {
        Optional<Denial> denial = denial();
        assumeTrue(denial.isPresent(), "this platform cannot deny access here (e.g. local files read as root)");
        if (denial.get().deniedItem() != null) {
            SourceConnector connector = connector(sourceYaml());
            Map<String, ScanItem> items = list(connector);
            ItemResult denied = connector.scan(items.get(denial.get().deniedItem()), context());
            assertThat(denied.assets()).isNotEmpty().allSatisfy(a -> {
                assertThat(a.status()).isEqualTo(ItemStatus.ERROR);
                assertThat(a.detail()).containsIgnoringCase("permission denied");
            });
            assertThat(denied.findings()).isEmpty();
            assertThat(connector.scan(items.get(knownItem()), context()).findings()).isNotEmpty();
        } else {
            SourceConnector connector = connector(denial.get().deniedSourceYaml());
            assertThatThrownBy(connector::listItems)
                    .isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                            .containsAnyOf("access denied", "permission denied", "forbidden", "not authori",
                                    "authentication failed"));
        }
    }

    /** Changes the known item; the other tests depend on nothing in it but {@link #KNOWN_EMAIL}, which stays. */
    @Test
    void theRevisionChangesWhenAndOnlyWhenAnItemChanges() throws Exception {
        SourceConnector connector = connector(sourceYaml());
        Map<String, ScanItem> before = list(connector);
        Map<String, ScanItem> unchanged = list(connector);
        assertThat(before.get(knownItem()).revision()).as("an item has a revision to compare").isNotNull();
        assertThat(revisions(unchanged)).isEqualTo(revisions(before));

        changeKnownItem();
        // Some backends publish their change counters a moment after the change (PostgreSQL's statistics).
        Map<String, ScanItem> after = list(connector);
        for (int i = 0; i < 30 && Objects.equals(after.get(knownItem()).revision(), before.get(knownItem()).revision()); i++) {
            Thread.sleep(500);
            after = list(connector);
        }

        assertThat(after.get(knownItem()).revision()).isNotEqualTo(before.get(knownItem()).revision());
        assertThat(after.get(cleanItem()).revision()).isEqualTo(before.get(cleanItem()).revision());
        assertThat(connector.scan(after.get(knownItem()), context()).findings())
                .extracting(AssetFinding::type).contains(EntityType.EMAIL_ADDRESS);
    }

    private static Map<String, String> revisions(Map<String, ScanItem> items) {
        Map<String, String> revisions = new TreeMap<>();
        items.forEach((k, v) -> revisions.put(k, v.revision()));
        return revisions;
    }

    /** Assets of an item are named after it: the item itself, its columns, or entries inside it. */
    private static String prefixOf(String locator) {
        return locator;
    }

    private static String indent(String yaml) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        for (String line : yaml.strip().split("\n")) {
            lines.add((first ? "  - " : "    ") + line);
            first = false;
        }
        return String.join("\n", lines) + "\n";
    }

    /** For subclasses: the set of statuses of a result's assets. */
    protected static Set<ItemStatus> statuses(ItemResult result) {
        return new HashSet<>(result.assets().stream().map(AssetOutcome::status).toList());
    }
}
