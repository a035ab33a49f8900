package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.publication.PublicationCorrected;
import cn.finance.disclosure.publication.feed.FeedItem;
import cn.finance.disclosure.support.web.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The disclosure's state machine on its own: no Spring, no database. */
class DisclosureTest {

    static final String ISSUER = "https://kc/realms/finance";
    static final Actor CLERK = new Actor(ISSUER, "s-clerk", "fgu-clerk");
    static final Actor REVIEWER = new Actor(ISSUER, "s-reviewer", "bureau-reviewer");
    static final Actor HEAD = new Actor(ISSUER, "s-head", "fgu-head");
    static final Actor PUBLISHER = new Actor(ISSUER, "s-publisher", "bureau-publisher");
    static final Instant APPROVED = Instant.parse("2024-01-20T02:00:00Z");
    static final Instant NOW = APPROVED.plus(1, ChronoUnit.DAYS);
    static final GeneratedContent A = new GeneratedContent("{\"text\":\"a\"}", "a".repeat(64), List.of());
    static final GeneratedContent B = new GeneratedContent("{\"text\":\"b\"}", "b".repeat(64), List.of());

    static Basis basis(int revision, Long profileVersion) {
        return basis(revision, profileVersion, REVIEWER);
    }

    static Basis basis(int revision, Long profileVersion, Actor approver) {
        return new Basis("budget-" + revision, revision, APPROVED.plus(revision - 1, ChronoUnit.DAYS), approver, CLERK,
                profileVersion);
    }

    static Disclosure draftOf(GeneratedContent content) {
        Disclosure d = Disclosure.open("405001", 2024, "单位", NOW);
        assertThat(d.update(basis(1, 0L), "单位", content, NOW)).isTrue();
        return d;
    }

    static Disclosure released(GeneratedContent content) {
        Disclosure d = draftOf(content);
        d.confirm(HEAD, content.hash(), NOW);
        d.release(PUBLISHER, content.hash(), false, null, NOW);
        return d;
    }

    static String slug(Throwable e) {
        return ((DomainException) e).slug();
    }

    @Test
    void givenAnApprovalWithoutProfile_thenItWaitsVisibly_andTheProfileMakesTheDraft() {
        Disclosure d = Disclosure.open("405001", 2024, "单位", NOW);

        assertThat(d.update(basis(1, null), "单位", null, NOW)).isTrue();
        assertThat(d.status()).isEqualTo(DisclosureStatus.WAITING_FOR_PROFILE);
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2024, 2, 9));
        assertThat(d.draft()).isNull();

        assertThat(d.update(basis(1, 0L), "单位", A, NOW)).isTrue();
        assertThat(d.status()).isEqualTo(DisclosureStatus.DRAFT);
        assertThat(d.draft().contentHash()).isEqualTo(A.hash());
    }

    @Test
    void givenTheSameOrAnOlderBasisAgain_thenNothingChanges() {
        Disclosure d = draftOf(A);
        d.update(basis(1, 3L), "单位", A, NOW);

        assertThat(d.update(basis(1, 3L), "单位", B, NOW)).isFalse();
        assertThat(d.update(basis(1, 2L), "单位", B, NOW)).isFalse();
        assertThat(d.update(basis(1, null), "单位", null, NOW)).isFalse();
        assertThat(d.draft().contentHash()).isEqualTo(A.hash());
    }

    @Test
    void givenTheBudgetApproverAsUnitHead_whenConfirming_thenSeparationOfDutiesRefuses() {
        Disclosure d = Disclosure.open("405001", 2024, "单位", NOW);
        d.update(basis(1, 0L, HEAD), "单位", A, NOW);

        assertThatThrownBy(() -> d.confirm(HEAD, A.hash(), NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("separation-of-duties"))
                .hasMessageContaining("三个不同的人");
        assertThat(d.status()).isEqualTo(DisclosureStatus.DRAFT);
    }

    @Test
    void givenAnotherHashThanTheDrafts_whenConfirming_thenConflict() {
        Disclosure d = draftOf(A);

        assertThatThrownBy(() -> d.confirm(HEAD, B.hash(), NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("content-hash-mismatch"));
    }

    @Test
    void givenAnUnconfirmedDraft_whenReleasing_thenConflict() {
        Disclosure d = draftOf(A);

        assertThatThrownBy(() -> d.release(PUBLISHER, A.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("not-confirmed"));
    }

    @Test
    void givenContentChangedAfterConfirmation_whenReleasing_thenRefusedUntilConfirmedAgain() {
        Disclosure d = draftOf(A);
        d.confirm(HEAD, A.hash(), NOW);
        assertThat(d.status()).isEqualTo(DisclosureStatus.CONFIRMED);

        d.update(basis(1, 1L), "单位", B, NOW);

        assertThat(d.status()).isEqualTo(DisclosureStatus.DRAFT);
        assertThat(d.draft().confirmation().contentHash()).isEqualTo(A.hash());
        assertThatThrownBy(() -> d.release(PUBLISHER, B.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("confirmation-outdated"));
        assertThatThrownBy(() -> d.release(PUBLISHER, A.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("confirmation-outdated"));

        d.confirm(HEAD, B.hash(), NOW);
        assertThat(d.release(PUBLISHER, B.hash(), false, null, NOW).version().contentHash()).isEqualTo(B.hash());
    }

    @Test
    void givenTheConfirmerOrTheApprover_whenReleasing_thenSeparationOfDutiesRefuses() {
        Disclosure d = draftOf(A);
        d.confirm(HEAD, A.hash(), NOW);

        assertThatThrownBy(() -> d.release(HEAD, A.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("separation-of-duties"));
        assertThatThrownBy(() -> d.release(REVIEWER, A.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("separation-of-duties"));
        Actor sameSubjectOtherIssuer = new Actor("https://elsewhere/realms/x", HEAD.subject(), "fgu-head");
        assertThat(d.release(sameSubjectOtherIssuer, A.hash(), false, null, NOW).version().number()).isEqualTo(1);
    }

    @Test
    void givenAConfirmedDraft_whenReleased_thenVersion1IsCurrentWithItsEventAndFeedItemInTheSameDocument() {
        Disclosure d = released(A);

        PublishedVersion v1 = d.current().orElseThrow();
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(VersionStatus.CURRENT);
        assertThat(v1.confirmed().by()).isEqualTo(HEAD);
        assertThat(v1.released().by()).isEqualTo(PUBLISHER);
        assertThat(v1.released().contentHash()).isEqualTo(A.hash());
        assertThat(d.status()).isEqualTo(DisclosureStatus.RELEASED);
        assertThat(d.dueDate()).isNull();
        assertThat(d.draft()).isNull();
        assertThat(d.outbox()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(EventTypes.PUBLICATION_RELEASED);
            assertThat(m.key()).isEqualTo("405001/2024");
        });
        assertThat(d.feedPending()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FeedItem.RELEASED);
            assertThat(f.sourceId()).isEqualTo(d.outbox().getFirst().eventId());
        });
    }

    @Test
    void givenAReleasedVersion_whenTheSameContentComesAgain_thenNoCorrectionDraft() {
        Disclosure d = released(A);

        assertThat(d.update(basis(2, 0L), "单位", A, NOW)).isTrue();

        assertThat(d.draft()).isNull();
        assertThat(d.status()).isEqualTo(DisclosureStatus.RELEASED);
    }

    @Test
    void givenANewerRevisionAfterRelease_thenACorrectionDraftThatOnlyTheCorrectionStepReleases() {
        Disclosure d = released(A);
        Actor otherReviewer = new Actor(ISSUER, "s-reviewer-2", "reviewer-2");

        d.update(basis(2, 0L, otherReviewer), "单位", B, NOW);
        assertThat(d.draftIsCorrection()).isTrue();
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2024, 2, 10));
        d.confirm(HEAD, B.hash(), NOW);

        assertThatThrownBy(() -> d.release(PUBLISHER, B.hash(), false, null, NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("correction-required"));
        Disclosure.Release correction = d.release(PUBLISHER, B.hash(), true, "第2次批复调整了项目支出", NOW);
        PublishedVersion v2 = correction.version();

        assertThat(correction.contentJson()).as("the released content, for the released contents store")
                .isEqualTo(B.json());

        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.supersedes()).isEqualTo(1);
        assertThat(v2.reason()).isEqualTo("第2次批复调整了项目支出");
        assertThat(d.version(1).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(d.version(1).orElseThrow().supersededBy()).isEqualTo(2);
        assertThat(d.currentVersion()).isEqualTo(2);
        EventEnvelope corrected = EventJson.readEnvelope(d.outbox().getLast().envelope());
        PublicationCorrected payload = EventJson.payload(corrected, PublicationCorrected.class);
        assertThat(payload.supersedes()).isEqualTo(1);
        assertThat(payload.approvedBy()).isEqualTo(otherReviewer);
        assertThat(payload.link()).isEqualTo("/public/v1/publications/405001/2024/versions/2");
    }

    @Test
    void givenAProfileFixAfterRelease_thenTheCorrectionIsDueTwentyDaysAfterItAppeared() {
        Disclosure d = released(A);
        Instant later = NOW.plus(100, ChronoUnit.DAYS);

        d.update(basis(1, 1L), "单位", B, later);

        assertThat(d.dueDate()).isEqualTo(Deadlines.dueDate(later));
    }

    @Test
    void givenNothingToCorrect_whenCorrecting_thenConflict() {
        Disclosure d = draftOf(A);
        d.confirm(HEAD, A.hash(), NOW);

        assertThatThrownBy(() -> d.release(PUBLISHER, A.hash(), true, "原因", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("nothing-to-correct"));
    }

    @Test
    void givenTheCurrentVersion_whenWithdrawn_thenItStaysWithItsReasonAndNothingIsCurrent() {
        Disclosure d = released(A);

        assertThatThrownBy(() -> d.withdraw(PUBLISHER, B.hash(), "原因", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("content-hash-mismatch"));
        d.withdraw(PUBLISHER, A.hash(), "数据有误，暂时撤回", NOW);

        assertThat(d.status()).isEqualTo(DisclosureStatus.WITHDRAWN);
        assertThat(d.current()).isEmpty();
        PublishedVersion v1 = d.version(1).orElseThrow();
        assertThat(v1.status()).isEqualTo(VersionStatus.WITHDRAWN);
        assertThat(v1.withdrawalReason()).isEqualTo("数据有误，暂时撤回");
        assertThat(d.feedPending()).extracting(FeedItem::type).containsExactly(FeedItem.RELEASED, FeedItem.WITHDRAWN);
        assertThatThrownBy(() -> d.withdraw(PUBLISHER, A.hash(), "再撤", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("nothing-to-withdraw"));
    }
}
