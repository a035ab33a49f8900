package cn.finance.disclosure.publication.disclosure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static cn.finance.disclosure.publication.disclosure.DisclosureAction.CONFIRM;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.CORRECT;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.RELEASE;
import static cn.finance.disclosure.publication.disclosure.DisclosureAction.WITHDRAW;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.CONFIRMED;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.CORRECTION_CONFIRMED;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.CORRECTION_DRAFT;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.DRAFT;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.RELEASED;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.WAITING_FOR_PROFILE;
import static cn.finance.disclosure.publication.disclosure.DisclosureState.WITHDRAWN;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.A;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.B;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.HEAD;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.NOW;
import static cn.finance.disclosure.publication.disclosure.DisclosureTest.PUBLISHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every state against every step: the workflow, and nothing else, is allowed, both in the table and on a real
 * {@link Disclosure} brought into each state; a refused step is one 409 naming the state, the step and the steps allowed.
 */
class DisclosureStateTest {

    /** The workflow written independently of the enum's own table. */
    static final Map<DisclosureState, Map<DisclosureAction, DisclosureState>> WORKFLOW = Map.of(
            WAITING_FOR_PROFILE, Map.of(),
            DRAFT, Map.of(CONFIRM, CONFIRMED),
            CONFIRMED, Map.of(CONFIRM, CONFIRMED, RELEASE, RELEASED),
            RELEASED, Map.of(WITHDRAW, WITHDRAWN),
            CORRECTION_DRAFT, Map.of(CONFIRM, CORRECTION_CONFIRMED, WITHDRAW, DRAFT),
            CORRECTION_CONFIRMED, Map.of(CONFIRM, CORRECTION_CONFIRMED, CORRECT, RELEASED, WITHDRAW, CONFIRMED),
            WITHDRAWN, Map.of());

    /** A disclosure in each state, built through its own steps. */
    static final Map<DisclosureState, Supplier<Disclosure>> IN_STATE = Map.of(
            WAITING_FOR_PROFILE, () -> {
                Disclosure d = Disclosure.open("405001", 2024, "单位", NOW);
                d.update(DisclosureTest.basis(1, null), "单位", null, NOW);
                return d;
            },
            DRAFT, () -> DisclosureTest.draftOf(A),
            CONFIRMED, () -> {
                Disclosure d = DisclosureTest.draftOf(A);
                d.confirm(HEAD, A.hash(), NOW);
                return d;
            },
            RELEASED, () -> DisclosureTest.released(A),
            CORRECTION_DRAFT, () -> {
                Disclosure d = DisclosureTest.released(A);
                d.update(DisclosureTest.basis(2, 0L), "单位", B, NOW);
                return d;
            },
            CORRECTION_CONFIRMED, () -> {
                Disclosure d = DisclosureTest.released(A);
                d.update(DisclosureTest.basis(2, 0L), "单位", B, NOW);
                d.confirm(HEAD, B.hash(), NOW);
                return d;
            },
            WITHDRAWN, () -> {
                Disclosure d = DisclosureTest.released(A);
                d.withdraw(PUBLISHER, A.hash(), "撤回", NOW);
                return d;
            });

    static Stream<Arguments> everyStateAndAction() {
        return Arrays.stream(DisclosureState.values())
                .flatMap(s -> Arrays.stream(DisclosureAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStateAndAction")
    void aStepIsAllowedExactlyWhenTheWorkflowHasIt(DisclosureState from, DisclosureAction action) {
        DisclosureState expected = WORKFLOW.get(from).get(action);
        Disclosure disclosure = IN_STATE.get(from).get();
        assertThat(disclosure.state()).isEqualTo(from);
        if (expected != null) {
            assertThat(from.after(action)).isEqualTo(expected);
            assertThat(from.allowedActions()).contains(action);
            take(disclosure, action);
            assertThat(disclosure.state()).as("the disclosure itself moves as the table says").isEqualTo(expected);
        } else {
            assertThat(from.allows(action)).isFalse();
            assertThatThrownBy(() -> from.after(action)).isInstanceOf(DisclosureTransitionRefused.class);
            assertThatThrownBy(() -> take(disclosure, action))
                    .isInstanceOfSatisfying(DisclosureTransitionRefused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(refused.state()).isEqualTo(from);
                        assertThat(refused.action()).isEqualTo(action);
                        assertThat(refused.getMessage()).contains(from.label(), action.label());
                        assertThat(refused.properties()).containsEntry("disclosureState", from.name())
                                .containsEntry("action", action.name())
                                .containsEntry("allowedActions", WORKFLOW.get(from).keySet().stream()
                                        .map(Enum::name).sorted().toList());
                    });
            assertThat(disclosure.state()).as("nothing changed").isEqualTo(from);
        }
    }

    @Test
    void theAllowedStepsOfEachStateAreExactlyTheWorkflows() {
        for (DisclosureState state : DisclosureState.values()) {
            assertThat(state.allowedActions()).as(state.name())
                    .containsExactlyInAnyOrderElementsOf(WORKFLOW.get(state).keySet());
        }
    }

    @Test
    void refusalsKeepTheProblemTypesClientsKnow() {
        assertThat(DisclosureTransitionRefused.slug(WAITING_FOR_PROFILE, CONFIRM, false)).isEqualTo("nothing-to-confirm");
        assertThat(DisclosureTransitionRefused.slug(RELEASED, RELEASE, false)).isEqualTo("nothing-to-release");
        assertThat(DisclosureTransitionRefused.slug(RELEASED, CORRECT, false)).isEqualTo("nothing-to-release");
        assertThat(DisclosureTransitionRefused.slug(DRAFT, RELEASE, false)).isEqualTo("not-confirmed");
        assertThat(DisclosureTransitionRefused.slug(DRAFT, RELEASE, true)).isEqualTo("confirmation-outdated");
        assertThat(DisclosureTransitionRefused.slug(CORRECTION_CONFIRMED, RELEASE, false))
                .isEqualTo("correction-required");
        assertThat(DisclosureTransitionRefused.slug(CONFIRMED, CORRECT, false)).isEqualTo("nothing-to-correct");
        assertThat(DisclosureTransitionRefused.slug(DRAFT, WITHDRAW, false)).isEqualTo("nothing-to-withdraw");
    }

    static void take(Disclosure d, DisclosureAction action) {
        String hash = d.draft() != null ? d.draft().contentHash()
                : d.current().map(PublishedVersion::contentHash).orElse("0".repeat(64));
        switch (action) {
            case CONFIRM -> d.confirm(HEAD, hash, NOW);
            case RELEASE -> d.release(PUBLISHER, hash, false, null, NOW);
            case CORRECT -> d.release(PUBLISHER, hash, true, "更正", NOW);
            case WITHDRAW -> d.withdraw(PUBLISHER, d.current().map(PublishedVersion::contentHash)
                    .orElse("0".repeat(64)), "撤回", NOW);
        }
    }
}
