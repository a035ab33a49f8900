package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.model.BudgetReading;
import cn.finance.disclosure.model.TextAuditor;
import cn.finance.disclosure.model.TextAuditor.AuditFinding;
import cn.finance.disclosure.model.TextAuditor.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The text auditor over the seed's published text, over our own documents, and over sentences built to be wrong. */
class TextAuditTest {

    private static List<AuditFinding> audit(String text, DisclosureInput input) {
        return TextAuditor.audit(text, BudgetReading.of(input.budget()));
    }

    private static List<String> rules(List<AuditFinding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).map(AuditFinding::rule).toList();
    }

    @Test
    void givenTheSeedsPublishedText_thenItsSlipsAreReported() {
        List<AuditFinding> findings = audit(SeedFacts.resource(SeedFacts.GOLDEN), SeedFacts.input());

        assertThat(findings).filteredOn(f -> f.rule().equals(TextAuditor.YEAR)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.DEFECT);
                    assertThat(f.sentence()).contains("本部门2023年无使用政府性基金预算拨款安排的支出");
                });
        assertThat(findings).filteredOn(f -> f.rule().equals(TextAuditor.REVENUE_EXPENDITURE_DELTA)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("-96.8").contains("-112.8"));
        assertThat(findings).filteredOn(f -> f.rule().equals(TextAuditor.BREAKDOWN_ROUNDING)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("276.63").contains("276.62").contains("0.01"));
        assertThat(rules(findings, Severity.DEFECT)).containsExactly(TextAuditor.YEAR);
    }

    @Test
    void givenTheSeedsGeneratedText_thenNoDefectAndTheRoundingAndTheDeltaGapAreReportedAsNotes() {
        DisclosureInput input = SeedFacts.input();
        DisclosureContent content = new DisclosureGenerator().generate(input);

        List<AuditFinding> findings = DisclosureGenerator.audit(input, content);

        assertThat(rules(findings, Severity.DEFECT)).isEmpty();
        assertThat(rules(findings, Severity.NOTE)).containsExactlyInAnyOrder(TextAuditor.BREAKDOWN_ROUNDING,
                TextAuditor.REVENUE_EXPENDITURE_DELTA);
    }

    @Test
    void givenTheSeed_whenGeneratedAndAuditedInOneStep_thenTheContentAndTheFindingsAreThoseOfTheTwoSteps() {
        DisclosureInput input = SeedFacts.input();
        DisclosureContent content = new DisclosureGenerator().generate(input);

        DisclosureGenerator.Audited audited = new DisclosureGenerator().generateAudited(input);

        assertThat(audited.content()).isEqualTo(content);
        assertThat(audited.audit()).isEqualTo(DisclosureGenerator.audit(input, content)).isNotEmpty();
    }

    @Test
    void givenAUseThatSaysNothing_thenNoSentenceIsBuiltOnIt_andTheAuditorCatchesOneThatIs() {
        DisclosureInput input = SeedFacts.withBudget(b -> b.put("basicExpenditureUse", "不适用")
                .put("projectExpenditureUse", "无。"));
        String text = new DisclosureGenerator().generate(input).text();

        assertThat(text).doesNotContain("主要用于不适用").doesNotContain("主要用于无");
        assertThat(rules(audit(text, input), Severity.DEFECT)).isEmpty();
        assertThat(rules(audit("（三）基本支出275.62万元，主要用于不适用。", input), Severity.DEFECT))
                .containsExactly(TextAuditor.EMPTY_INPUT);
    }

    @Test
    void givenPartsWhoseChangesContradictTheWhole_thenADefectNamesTheSentence() {
        String contradiction = "2024年一般公共预算财政拨款收入276.62万元，一般公共预算财政拨款支出276.62万元，比2023年增加5.95万元。"
                + "其中：基本支出275.62万元，比2023年减少2.55万元；项目支出1万元，比2023年减少24.5万元。";

        List<AuditFinding> findings = audit(contradiction, SeedFacts.input());

        assertThat(findings).filteredOn(f -> f.rule().equals(TextAuditor.BREAKDOWN)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.DEFECT);
                    assertThat(f.sentence()).startsWith("其中：基本支出275.62万元");
                    assertThat(f.message()).contains("-27.05").contains("5.95");
                });
    }

    @Test
    void givenAnIncreaseOfNothingOrAFigureFromNowhere_thenDefects() {
        DisclosureInput input = SeedFacts.input();

        assertThat(rules(audit("2024年“三公”经费预算0.4万元，比上年增加0万元。", input), Severity.DEFECT))
                .contains(TextAuditor.DIRECTION);
        assertThat(rules(audit("2024年“三公”经费预算0.7万元，与上年持平。", input), Severity.DEFECT))
                .containsExactly(TextAuditor.FIGURE_UNKNOWN);
        assertThat(rules(audit("收入较2023年多96.8万元。", input), Severity.DEFECT))
                .containsExactly(TextAuditor.DIRECTION);
    }

    @Test
    void givenAClerksNumberThatMatchesNothing_thenANoteSaysWhatItCouldHaveMeant() {
        DisclosureInput input = SeedFacts.withBudget(b -> ((ObjectNode) b.get("changeExplanations"))
                .put("revenue", "人员减少经费拨款减少96.5万元"));
        DisclosureContent content = new DisclosureGenerator().generate(input);

        List<AuditFinding> findings = DisclosureGenerator.audit(input, content);

        assertThat(rules(findings, Severity.DEFECT)).isEmpty();
        assertThat(findings).filteredOn(f -> f.rule().equals(TextAuditor.CLERK_FIGURE_UNKNOWN)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("96.5万元").contains("96.8万元"));
    }
}
