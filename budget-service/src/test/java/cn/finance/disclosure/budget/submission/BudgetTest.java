package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.BudgetReturned;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.events.budget.BudgetSubmitted;
import cn.finance.disclosure.support.outbox.OutboxMessage;
import cn.finance.disclosure.support.web.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static cn.finance.disclosure.budget.submission.TestBudgets.CLERK;
import static cn.finance.disclosure.budget.submission.TestBudgets.OTHER_CLERK;
import static cn.finance.disclosure.budget.submission.TestBudgets.REVIEWER;
import static cn.finance.disclosure.budget.submission.TestBudgets.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget aggregate without Spring: each step, who/when/why, its event in the same document, and refusals. */
class BudgetTest {

    static final Instant T0 = Instant.parse("2024-01-10T02:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);
    static final Instant T2 = T1.plusSeconds(3600);
    static final Instant T3 = T2.plusSeconds(3600);
    static final List<Acknowledgement> ACK = List.of(new Acknowledgement("V06-REVENUE-EXPENDITURE-DELTA", "priorYear",
            "2023年支出含上年结转16万元，收入口径未列示"));

    static Budget draft() {
        return Budget.create(seed(), CLERK, T0);
    }

    static Budget submitted() {
        Budget b = draft();
        b.submit(ACK, CLERK, T1);
        return b;
    }

    static Budget approved() {
        Budget b = submitted();
        b.approve(REVIEWER, T2);
        return b;
    }

    static EventEnvelope last(Budget b) {
        List<OutboxMessage> events = b.pendingEvents();
        return EventJson.readEnvelope(events.get(events.size() - 1).envelope());
    }

    @Test
    void aNewBudgetIsDraftRevisionOneNamedByDepartmentYearAndRevisionAndTellsNoOneYet() {
        Budget b = draft();

        assertThat(b.id()).isEqualTo("405001-2024-r1");
        assertThat(b.status()).isEqualTo(BudgetStatus.DRAFT);
        assertThat(b.revision()).isEqualTo(1);
        assertThat(b.replacesBudgetId()).isNull();
        assertThat(b.submission()).isEqualTo(seed());
        assertThat(b.history()).singleElement().satisfies(h -> {
            assertThat(h.step()).isEqualTo(HistoryEntry.Step.CREATED);
            assertThat(h.to()).isEqualTo(BudgetStatus.DRAFT);
            assertThat(h.by()).isEqualTo(CLERK);
            assertThat(h.at()).isEqualTo(T0);
        });
        assertThat(b.pendingEvents()).isEmpty();
    }

    @Test
    void editingADraftReplacesItsContentAndRecordsWhoAndWhen() {
        Budget b = draft();
        BudgetContent changed = TestBudgets.edited(t -> t.put("basicExpenditureUse", "保障机构正常运转"));

        b.edit(changed, OTHER_CLERK, T1);

        assertThat(b.submission().basicExpenditureUse()).isEqualTo("保障机构正常运转");
        assertThat(b.status()).isEqualTo(BudgetStatus.DRAFT);
        assertThat(b.history()).last().satisfies(h -> {
            assertThat(h.step()).isEqualTo(HistoryEntry.Step.EDITED);
            assertThat(h.by()).isEqualTo(OTHER_CLERK);
            assertThat(h.at()).isEqualTo(T1);
        });
        assertThat(b.updatedBy()).isEqualTo(OTHER_CLERK);
        assertThat(b.pendingEvents()).isEmpty();
    }

    @Test
    void anEditCannotMoveTheBudgetToAnotherDepartmentOrYear() {
        Budget b = draft();

        assertThatThrownBy(() -> b.edit(TestBudgets.edited(t -> t.put("departmentCode", "405002")), CLERK, T1))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.properties().toString()).contains("departmentCode");
                });
        assertThatThrownBy(() -> b.edit(TestBudgets.edited(t -> t.put("fiscalYear", 2025)), CLERK, T1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.properties().toString()).contains("fiscalYear"));
        assertThat(b.submission()).isEqualTo(seed());
        assertThat(b.history()).hasSize(1);
    }

    @Test
    void submittingRecordsTheSubmitterTheExplainedWarningsAndTheSubmittedEventInTheSameDocument() {
        Budget b = submitted();

        assertThat(b.status()).isEqualTo(BudgetStatus.SUBMITTED);
        assertThat(b.submittedBy()).isEqualTo(CLERK);
        assertThat(b.submittedAt()).isEqualTo(T1);
        assertThat(b.acknowledgements()).isEqualTo(ACK);
        assertThat(b.history()).last().satisfies(h -> {
            assertThat(h.step()).isEqualTo(HistoryEntry.Step.SUBMITTED);
            assertThat(h.from()).isEqualTo(BudgetStatus.DRAFT);
            assertThat(h.acknowledgements()).isEqualTo(ACK);
        });
        OutboxMessage message = b.pendingEvents().getFirst();
        assertThat(message.topic()).isEqualTo(Topics.BUDGET_EVENTS);
        assertThat(message.key()).isEqualTo("405001/2024");
        EventEnvelope envelope = last(b);
        assertThat(envelope.type()).isEqualTo(EventTypes.BUDGET_SUBMITTED);
        assertThat(envelope.subject()).isEqualTo("405001/2024");
        assertThat(envelope.source()).isEqualTo("budget-service");
        assertThat(EventJson.payload(envelope, BudgetSubmitted.class))
                .isEqualTo(new BudgetSubmitted("405001-2024-r1", "405001", 2024, 1, CLERK, T1));
    }

    @Test
    void returningNeedsAReasonAndWithoutOneNothingChanges() {
        for (String reason : new String[]{null, "", "   "}) {
            Budget b = submitted();
            assertThatThrownBy(() -> b.returnToDepartment(reason, REVIEWER, T2))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.getMessage()).contains("退回须说明原因");
                        assertThat(e.properties().toString()).contains("reason");
                    });
            assertThat(b.status()).isEqualTo(BudgetStatus.SUBMITTED);
            assertThat(b.pendingEvents()).hasSize(1);
        }
    }

    @Test
    void returningRecordsTheReasonAndTheReturnedEvent() {
        Budget b = submitted();

        b.returnToDepartment("  请补充2023年结转资金说明 ", REVIEWER, T2);

        assertThat(b.status()).isEqualTo(BudgetStatus.RETURNED);
        assertThat(b.returnReason()).isEqualTo("请补充2023年结转资金说明");
        assertThat(b.history()).last().satisfies(h -> {
            assertThat(h.step()).isEqualTo(HistoryEntry.Step.RETURNED);
            assertThat(h.by()).isEqualTo(REVIEWER);
            assertThat(h.note()).isEqualTo("请补充2023年结转资金说明");
        });
        assertThat(EventJson.payload(last(b), BudgetReturned.class)).isEqualTo(new BudgetReturned("405001-2024-r1",
                "405001", 2024, 1, "请补充2023年结转资金说明", REVIEWER, T2));
        assertThat(last(b).type()).isEqualTo(EventTypes.BUDGET_RETURNED);
    }

    @Test
    void aReturnedBudgetIsEditedBackIntoADraftAndSubmittedAgain() {
        Budget b = submitted();
        b.returnToDepartment("请修改", REVIEWER, T2);

        b.edit(TestBudgets.edited(t -> t.put("projectExpenditureUse", "用于产业工人队伍建设改革")), CLERK, T3);
        assertThat(b.status()).isEqualTo(BudgetStatus.DRAFT);
        b.submit(ACK, CLERK, T3.plusSeconds(60));

        assertThat(b.status()).isEqualTo(BudgetStatus.SUBMITTED);
        assertThat(b.returnReason()).isNull();
        assertThat(b.history()).extracting(HistoryEntry::step).containsExactly(HistoryEntry.Step.CREATED,
                HistoryEntry.Step.SUBMITTED, HistoryEntry.Step.RETURNED, HistoryEntry.Step.EDITED,
                HistoryEntry.Step.SUBMITTED);
        assertThat(b.pendingEvents()).extracting(OutboxMessage::type).containsExactly(EventTypes.BUDGET_SUBMITTED,
                EventTypes.BUDGET_RETURNED, EventTypes.BUDGET_SUBMITTED);
    }

    @Test
    void aReturnedBudgetCanBeSubmittedAgainAsItIsWithABetterExplanation() {
        Budget b = submitted();
        b.returnToDepartment("请说明收支变动差异的原因", REVIEWER, T2);
        List<Acknowledgement> better = List.of(new Acknowledgement("V06-REVENUE-EXPENDITURE-DELTA", "priorYear",
                "2023年使用上年结转16万元，故支出减少多于收入减少"));

        b.submit(better, CLERK, T3);

        assertThat(b.status()).isEqualTo(BudgetStatus.SUBMITTED);
        assertThat(b.acknowledgements()).isEqualTo(better);
    }

    @Test
    void nobodyApprovesABudgetTheySubmittedEvenUnderAnotherNameOrRole() {
        Budget b = submitted();
        Actor sameSubjectAsReviewer = new Actor(CLERK.issuer(), CLERK.subject(), "bureau-reviewer-alias");

        assertThatThrownBy(() -> b.approve(sameSubjectAsReviewer, T2))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.slug()).isEqualTo("own-submission");
                    assertThat(e.getMessage()).contains("本人", "fgu-clerk", "其他审核人员");
                });
        assertThat(b.status()).isEqualTo(BudgetStatus.SUBMITTED);
        assertThat(b.approvedBy()).isNull();
        assertThat(b.pendingEvents()).extracting(OutboxMessage::type).containsExactly(EventTypes.BUDGET_SUBMITTED);
    }

    @Test
    void theSameSubjectAtAnotherIssuerIsAnotherPerson() {
        Budget b = submitted();

        b.approve(new Actor("http://other-idp/realms/x", CLERK.subject(), "reviewer"), T2);

        assertThat(b.status()).isEqualTo(BudgetStatus.APPROVED);
    }

    @Test
    void approvalRecordsTheApproverAndItsEventCarriesTheWholeSubmissionExactly() {
        Budget b = approved();

        assertThat(b.status()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(b.approvedBy()).isEqualTo(REVIEWER);
        assertThat(b.approvedAt()).isEqualTo(T2);
        EventEnvelope envelope = last(b);
        assertThat(envelope.type()).isEqualTo(EventTypes.BUDGET_APPROVED_V2);
        BudgetApprovedV2 payload = EventJson.payload(envelope, BudgetApprovedV2.class);
        assertThat(payload).isEqualTo(new BudgetApprovedV2("405001-2024-r1", "405001", 2024, 1, null, CLERK, REVIEWER,
                T2, BudgetPayloads.toPayload(seed()), cn.finance.disclosure.events.budget.ClassificationNames.none(2024)));
        assertThat(envelope.data().get("submission")).isEqualTo(TestBudgets.seedJson());
    }

    @Test
    void anApprovedBudgetIsFrozen() {
        Budget b = approved();
        int steps = b.history().size();
        List<Consumer<Budget>> attempts = List.of(
                x -> x.edit(TestBudgets.edited(t -> t.put("basicExpenditureUse", "改")), CLERK, T3),
                x -> x.submit(ACK, CLERK, T3),
                x -> x.returnToDepartment("再看看", REVIEWER, T3),
                x -> x.approve(REVIEWER, T3));

        for (Consumer<Budget> attempt : attempts) {
            assertThatThrownBy(() -> attempt.accept(b)).isInstanceOf(BudgetTransitionRefused.class);
        }
        assertThat(b.submission()).isEqualTo(seed());
        assertThat(b.status()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(b.history()).hasSize(steps);
        assertThat(b.pendingEvents()).hasSize(2);
    }

    @Test
    void aChangeAfterApprovalIsANewDraftRevisionLinkedToTheApprovedOneWhichStaysAsItIs() {
        Budget approved = approved();

        Budget revision = approved.revise(OTHER_CLERK, T3);

        assertThat(revision.id()).isEqualTo("405001-2024-r2");
        assertThat(revision.revision()).isEqualTo(2);
        assertThat(revision.replacesBudgetId()).isEqualTo("405001-2024-r1");
        assertThat(revision.status()).isEqualTo(BudgetStatus.DRAFT);
        assertThat(revision.submission()).isEqualTo(approved.submission());
        assertThat(revision.history()).singleElement().satisfies(h -> {
            assertThat(h.step()).isEqualTo(HistoryEntry.Step.REVISION_CREATED);
            assertThat(h.by()).isEqualTo(OTHER_CLERK);
            assertThat(h.note()).contains("405001-2024-r1");
        });
        assertThat(revision.pendingEvents()).isEmpty();
        assertThat(approved.status()).isEqualTo(BudgetStatus.APPROVED);
        assertThat(approved.history()).hasSize(3);

        revision.edit(TestBudgets.edited(t -> t.put("operatingExpensesUse", "办公费等")), OTHER_CLERK, T3);
        revision.submit(ACK, OTHER_CLERK, T3);
        revision.approve(REVIEWER, T3.plusSeconds(1));
        BudgetApprovedV2 payload = EventJson.payload(last(revision), BudgetApprovedV2.class);
        assertThat(payload.revision()).isEqualTo(2);
        assertThat(payload.replacesBudgetId()).isEqualTo("405001-2024-r1");
        assertThat(payload.submission().operatingExpensesUse()).isEqualTo("办公费等");
    }

    @Test
    void onlyAnApprovedBudgetCanBeRevised() {
        assertThatThrownBy(() -> draft().revise(CLERK, T1)).isInstanceOf(BudgetTransitionRefused.class)
                .hasMessageContaining("只有已批准的预算才能发起修订");
        assertThatThrownBy(() -> submitted().revise(CLERK, T2)).isInstanceOf(BudgetTransitionRefused.class);
    }

    @Test
    void illegalMovesOnADraftChangeNothing() {
        Budget b = draft();

        assertThatThrownBy(() -> b.approve(REVIEWER, T1)).isInstanceOf(BudgetTransitionRefused.class);
        assertThatThrownBy(() -> b.returnToDepartment("原因", REVIEWER, T1)).isInstanceOf(BudgetTransitionRefused.class);

        assertThat(b.status()).isEqualTo(BudgetStatus.DRAFT);
        assertThat(b.history()).hasSize(1);
        assertThat(b.pendingEvents()).isEmpty();
    }

    @Test
    void aSubmittedBudgetCannotBeEditedOrSubmittedAgain() {
        Budget b = submitted();

        assertThatThrownBy(() -> b.edit(seed(), CLERK, T2)).isInstanceOf(BudgetTransitionRefused.class)
                .hasMessageContaining("审核中");
        assertThatThrownBy(() -> b.submit(ACK, CLERK, T2)).isInstanceOf(BudgetTransitionRefused.class);
        assertThat(b.pendingEvents()).hasSize(1);
    }
}
