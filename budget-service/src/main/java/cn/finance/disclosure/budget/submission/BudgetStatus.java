package cn.finance.disclosure.budget.submission;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.finance.disclosure.budget.submission.BudgetAction.APPROVE;
import static cn.finance.disclosure.budget.submission.BudgetAction.EDIT;
import static cn.finance.disclosure.budget.submission.BudgetAction.RETURN;
import static cn.finance.disclosure.budget.submission.BudgetAction.REVISE;
import static cn.finance.disclosure.budget.submission.BudgetAction.SUBMIT;

/**
 * Where a budget (one revision) stands in review. The allowed moves are written once, in {@link #MOVES}:
 *
 * <pre>
 * DRAFT     --EDIT-->    DRAFT        DRAFT    --SUBMIT--> SUBMITTED
 * SUBMITTED --RETURN-->  RETURNED     SUBMITTED --APPROVE--> APPROVED
 * RETURNED  --EDIT-->    DRAFT        RETURNED --SUBMIT--> SUBMITTED
 * APPROVED  --REVISE-->  APPROVED     (the approved revision stays frozen; the change is a new DRAFT revision)
 * </pre>
 *
 * A returned budget is edited back into a draft, or re-submitted as it is when the reviewer's reason needs no change of
 * figures (a better explanation of a warning, given at submission). Everything else is refused with
 * {@link BudgetTransitionRefused}.
 */
public enum BudgetStatus {

    DRAFT("草稿"),
    SUBMITTED("已提交待审核"),
    RETURNED("已退回"),
    APPROVED("已批准");

    private static final Map<BudgetStatus, Map<BudgetAction, BudgetStatus>> MOVES = moves();

    private final String label;

    BudgetStatus(String label) {
        this.label = label;
    }

    private static Map<BudgetStatus, Map<BudgetAction, BudgetStatus>> moves() {
        Map<BudgetStatus, Map<BudgetAction, BudgetStatus>> moves = new EnumMap<>(BudgetStatus.class);
        moves.put(DRAFT, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED));
        moves.put(SUBMITTED, Map.of(RETURN, RETURNED, APPROVE, APPROVED));
        moves.put(RETURNED, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED));
        moves.put(APPROVED, Map.of(REVISE, APPROVED));
        return Collections.unmodifiableMap(moves);
    }

    /** The Chinese name a clerk reads: 草稿, 已提交待审核, 已退回, 已批准. */
    public String label() {
        return label;
    }

    /** The status after {@code action}, or {@link BudgetTransitionRefused} when this status does not allow it. */
    public BudgetStatus after(BudgetAction action) {
        return target(action).orElseThrow(() -> new BudgetTransitionRefused(this, action));
    }

    public boolean allows(BudgetAction action) {
        return target(action).isPresent();
    }

    /** The actions this status allows, for clients that show only the buttons that work. */
    public Set<BudgetAction> allowedActions() {
        Set<BudgetAction> allowed = EnumSet.noneOf(BudgetAction.class);
        allowed.addAll(MOVES.get(this).keySet());
        return Collections.unmodifiableSet(allowed);
    }

    /** An approved budget is frozen: nothing about it changes any more. */
    public boolean isFrozen() {
        return this == APPROVED;
    }

    private Optional<BudgetStatus> target(BudgetAction action) {
        return Optional.ofNullable(MOVES.get(this).get(action));
    }
}
