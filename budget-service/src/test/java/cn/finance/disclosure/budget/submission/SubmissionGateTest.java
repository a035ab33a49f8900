package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.budget.validation.Finding;
import cn.finance.disclosure.budget.validation.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which findings block a submission and which acknowledgements are kept. */
class SubmissionGateTest {

    static final Finding ERROR = new Finding("V01-REVENUE-EXPENDITURE", Severity.ERROR, "收支不平衡", Map.of(), "revenue");
    static final Finding WARNING = new Finding("V06-REVENUE-EXPENDITURE-DELTA", Severity.WARNING, "变动不一致", Map.of(),
            "priorYear");
    static final Finding OTHER_WARNING = new Finding("V03-FUNCTION-NAME-MISMATCH", Severity.WARNING, "名称不一致",
            Map.of(), "expenditureLines[2].functionName");
    static final Finding INFO = new Finding("V03-ROUNDING-FUNCTION-CLASSES", Severity.INFO, "尾差", Map.of(),
            "expenditureLines");

    static Acknowledgement ack(Finding f, String explanation) {
        return new Acknowledgement(f.ruleId(), f.path(), explanation);
    }

    @Test
    void anErrorBlocksWhateverIsAcknowledged() {
        SubmissionGate.Outcome outcome = SubmissionGate.check(List.of(ERROR, INFO), List.of(ack(ERROR, "已知")));

        assertThat(outcome.passes()).isFalse();
        assertThat(outcome.errors()).containsExactly(ERROR);
        assertThat(outcome.accepted()).isEmpty();
    }

    @Test
    void everyWarningNeedsItsOwnExplanation() {
        SubmissionGate.Outcome outcome = SubmissionGate.check(List.of(WARNING, OTHER_WARNING, INFO),
                List.of(ack(WARNING, "上年含结转资金")));

        assertThat(outcome.passes()).isFalse();
        assertThat(outcome.unacknowledged()).containsExactly(OTHER_WARNING);
    }

    @Test
    void aBlankExplanationExplainsNothing() {
        assertThat(SubmissionGate.check(List.of(WARNING), List.of(ack(WARNING, "  "))).unacknowledged())
                .containsExactly(WARNING);
    }

    @Test
    void anAcknowledgementMustNameTheFindingByRuleAndPath() {
        Acknowledgement wrongPath = new Acknowledgement(WARNING.ruleId(), "revenue", "说明");

        assertThat(SubmissionGate.check(List.of(WARNING), List.of(wrongPath)).unacknowledged()).containsExactly(WARNING);
    }

    @Test
    void explainedWarningsAndInformationPassAndOnlyMatchingAcknowledgementsAreKept() {
        SubmissionGate.Outcome outcome = SubmissionGate.check(List.of(WARNING, INFO), List.of(
                ack(INFO, "不需要"), ack(WARNING, "  上年含结转资金 "), ack(WARNING, "第二条说明被忽略"),
                new Acknowledgement("V99-GONE", "revenue", "已不存在的警告")));

        assertThat(outcome.passes()).isTrue();
        assertThat(outcome.accepted()).containsExactly(ack(WARNING, "上年含结转资金"));
    }

    @Test
    void noFindingsPassWithoutAcknowledgements() {
        assertThat(SubmissionGate.check(List.of(), null).passes()).isTrue();
    }
}
