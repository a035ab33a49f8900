package cn.finance.disclosure.portal.sync;

import cn.finance.disclosure.portal.PortalProperties;
import cn.finance.disclosure.portal.archive.Archive;
import cn.finance.disclosure.portal.archive.DisclosureRecord;
import cn.finance.disclosure.portal.archive.Quarantined;
import cn.finance.disclosure.portal.archive.SyncState;
import cn.finance.disclosure.portal.archive.VersionState;
import cn.finance.disclosure.portal.upstream.PublicApi;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync over a stand-in platform (real HTTP) and the MongoDB-wire server (real driver): it follows the feed from
 * its cursor, keeps only what verifies, keeps the last verified copy on show, and survives an unreachable platform.
 */
class FeedSyncTest {

    private MongoServer mongoServer;
    private MongoClient client;
    private FakePlatform platform;
    private Archive archive;
    private FeedSync sync;

    @BeforeEach
    void start() {
        mongoServer = new MongoServer(new MemoryBackend());
        java.net.InetSocketAddress address = mongoServer.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        archive = new Archive(new MongoTemplate(client, "portal"));
        platform = new FakePlatform();
        PortalProperties properties = new PortalProperties(platform.url(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 100);
        sync = new FeedSync(new PublicApi(properties), archive, properties,
                Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        platform.close();
        client.close();
        mongoServer.shutdownNow();
    }

    private DisclosureRecord disclosure() {
        return archive.disclosure("405001", 2024).orElseThrow();
    }

    @Test
    void aReleaseThenACorrectionAreFollowedFromTheCursorAndTheCorrectionIsShown() {
        platform.release(1, FakePlatform.content("第一版。", "100.00"), null, null);
        SyncState first = sync.syncOnce();
        assertThat(first.cursor()).isEqualTo(1);
        assertThat(disclosure().shown().orElseThrow().version()).isEqualTo(1);

        platform.release(2, FakePlatform.content("第二版。", "200.00"), 1, "更正数字");
        SyncState second = sync.syncOnce();
        assertThat(second.cursor()).isEqualTo(2);
        assertThat(second.lastSuccessAt()).isNotNull();
        DisclosureRecord d = disclosure();
        assertThat(d.currentVersion()).isEqualTo(2);
        assertThat(d.shown().orElseThrow().version()).isEqualTo(2);
        assertThat(d.version(1).orElseThrow().status()).isEqualTo(VersionState.SUPERSEDED);
        assertThat(d.version(2).orElseThrow().reason()).isEqualTo("更正数字");
        assertThat(archive.version("405001", 2024, 2).orElseThrow().json()).contains("第二版。");
        assertThat(archive.quarantined(10)).isEmpty();
    }

    @Test
    void tamperedVersionBytesAreQuarantinedAndTheLastVerifiedVersionStaysOnShowUntilGoodBytesCome() {
        platform.release(1, FakePlatform.content("第一版。", "100.00"), null, null);
        sync.syncOnce();
        platform.versionTamper = b -> new String(b, StandardCharsets.UTF_8).replace("第二版", "第三版")
                .getBytes(StandardCharsets.UTF_8);
        platform.release(2, FakePlatform.content("第二版。", "200.00"), 1, "更正数字");
        sync.syncOnce();

        DisclosureRecord d = disclosure();
        assertThat(d.currentVersion()).isEqualTo(2);
        assertThat(d.version(2).orElseThrow().verified()).isFalse();
        assertThat(d.shown().orElseThrow().version()).as("the last verified copy").isEqualTo(1);
        assertThat(d.refusedCurrent()).isPresent();
        assertThat(archive.version("405001", 2024, 2)).isEmpty();
        assertThat(archive.quarantined(10)).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(Quarantined.CONTENT);
            assertThat(q.problem()).contains("内容哈希不符");
            assertThat(q.received()).contains("第三版");
        });

        platform.versionTamper = b -> b;
        sync.syncOnce();
        assertThat(disclosure().shown().orElseThrow().version()).isEqualTo(2);
        assertThat(archive.quarantined(10).getFirst().resolvedAt()).isNotNull();
    }

    @Test
    void aBrokenChainStopsTheSyncAtTheLastVerifiedEntryAndIsFlagged() {
        platform.release(1, FakePlatform.content("第一版。", "100.00"), null, null);
        sync.syncOnce();
        platform.entryTamper = e -> {
            if (e.get("sequence").asLong() == 2) {
                e.put("previousEntryHash", "0".repeat(64));
                e.put("entryHash", cn.finance.disclosure.portal.verify.Verification.entryHash(e));
            }
            return e;
        };
        platform.release(2, FakePlatform.content("第二版。", "200.00"), 1, "更正数字");
        SyncState state = sync.syncOnce();

        assertThat(state.cursor()).isEqualTo(1);
        assertThat(state.chainProblem()).contains("链条断裂");
        assertThat(disclosure().currentVersion()).as("nothing after the break is applied").isEqualTo(1);
        assertThat(archive.quarantined(10)).singleElement().extracting(Quarantined::kind).isEqualTo(Quarantined.CHAIN);

        platform.entryTamper = e -> e;
        SyncState healed = sync.syncOnce();
        assertThat(healed.cursor()).isEqualTo(2);
        assertThat(healed.chainProblem()).isNull();
    }

    @Test
    void anUnreachablePlatformIsRecordedSinceItsFirstFailureAndTheCopyIsKept() {
        platform.release(1, FakePlatform.content("第一版。", "100.00"), null, null);
        sync.syncOnce();
        platform.down = true;
        SyncState down = sync.syncOnce();
        assertThat(down.unreachableSince()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(down.cursor()).isEqualTo(1);
        assertThat(disclosure().shown().orElseThrow().version()).isEqualTo(1);

        platform.down = false;
        assertThat(sync.syncOnce().unreachableSince()).isNull();
    }

    @Test
    void aWithdrawalLeavesNoCurrentVersionAndKeepsItsReason() {
        String hash = platform.release(1, FakePlatform.content("第一版。", "100.00"), null, null);
        platform.append("withdrawn", 1, hash, null, "口径有误，暂时撤回");
        sync.syncOnce();
        DisclosureRecord d = disclosure();
        assertThat(d.withdrawn()).isTrue();
        assertThat(d.shown()).isEmpty();
        assertThat(d.version(1).orElseThrow().withdrawalReason()).isEqualTo("口径有误，暂时撤回");
        assertThat(d.version(1).orElseThrow().verified()).as("still readable as a verified historic version").isTrue();
    }
}
