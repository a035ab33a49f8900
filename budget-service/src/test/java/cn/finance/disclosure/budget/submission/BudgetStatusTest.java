package cn.finance.disclosure.budget.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static cn.finance.disclosure.budget.submission.BudgetAction.APPROVE;
import static cn.finance.disclosure.budget.submission.BudgetAction.EDIT;
import static cn.finance.disclosure.budget.submission.BudgetAction.RETURN;
import static cn.finance.disclosure.budget.submission.BudgetAction.REVISE;
import static cn.finance.disclosure.budget.submission.BudgetAction.SUBMIT;
import static cn.finance.disclosure.budget.submission.BudgetStatus.APPROVED;
import static cn.finance.disclosure.budget.submission.BudgetStatus.DRAFT;
import static cn.finance.disclosure.budget.submission.BudgetStatus.RETURNED;
import static cn.finance.disclosure.budget.submission.BudgetStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every status against every action: the workflow of DOMAIN.md, and nothing else, is allowed. */
class BudgetStatusTest {

    /** The workflow as the issue states it, written independently of the enum's own table. */
    static final Map<BudgetStatus, Map<BudgetAction, BudgetStatus>> WORKFLOW = Map.of(
            DRAFT, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(APPROVE, APPROVED, RETURN, RETURNED),
            RETURNED, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED),
            APPROVED, Map.of(REVISE, APPROVED));

    static Stream<Arguments> everyStatusAndAction() {
        return Arrays.stream(BudgetStatus.values())
                .flatMap(s -> Arrays.stream(BudgetAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStatusAndAction")
    void aMoveIsAllowedExactlyWhenTheWorkflowHasIt(BudgetStatus from, BudgetAction action) {
        BudgetStatus expected = WORKFLOW.get(from).get(action);
        if (expected != null) {
            assertThat(from.after(action)).isEqualTo(expected);
            assertThat(from.allows(action)).isTrue();
            assertThat(from.allowedActions()).contains(action);
        } else {
            assertThatThrownBy(() -> from.after(action))
                    .isInstanceOfSatisfying(BudgetTransitionRefused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(refused.slug()).isEqualTo("illegal-transition");
                        assertThat(refused.budgetStatus()).isEqualTo(from);
                        assertThat(refused.action()).isEqualTo(action);
                        assertThat(refused.getMessage()).contains(from.label(), action.label());
                        assertThat(refused.properties()).containsEntry("budgetStatus", from.name())
                                .containsEntry("action", action.name());
                    });
            assertThat(from.allows(action)).isFalse();
            assertThat(from.allowedActions()).doesNotContain(action);
        }
    }

    @Test
    void theAllowedActionsOfEachStatusAreExactlyTheWorkflows() {
        for (BudgetStatus status : BudgetStatus.values()) {
            assertThat(status.allowedActions()).as(status.name())
                    .containsExactlyInAnyOrderElementsOf(WORKFLOW.get(status).keySet());
        }
    }

    @Test
    void onlyAnApprovedBudgetIsFrozen() {
        assertThat(Arrays.stream(BudgetStatus.values()).filter(BudgetStatus::isFrozen)).containsExactly(APPROVED);
    }

    @Test
    void editingAnApprovedBudgetIsRefusedWithTheHintToRevise() {
        assertThatThrownBy(() -> APPROVED.after(EDIT)).hasMessageContaining("已冻结").hasMessageContaining("修订");
    }
}
