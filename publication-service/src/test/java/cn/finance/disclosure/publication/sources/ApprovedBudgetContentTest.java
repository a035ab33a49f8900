package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.budget.ClassificationNames;
import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.testing.RandomBudgets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval is kept as the JSON of its content, and a copy stored before as the event payload's JSON reads as the
 * same content: documents already stored need no migration.
 */
class ApprovedBudgetContentTest {

    static final ClassificationNames NAMES = new ClassificationNames(2024, ClassificationNames.OFFICIAL,
            ClassificationNames.REFERENCE, Map.of("2012901", "行政运行"), Map.of("301", "工资福利支出"));

    @Test
    void givenACopyStoredAsThePayloadsJson_whenRead_thenTheSameContentAsNewlyStored() {
        BudgetSubmission payload = RandomBudgets.budget(7);
        ApprovedBudget old = approval(EventJson.write(payload), EventJson.write(NAMES));
        ApprovedBudget recorded = approval(StoredJson.write(BudgetPayloads.toContent(payload)),
                StoredJson.write(BudgetPayloads.toContent(NAMES)));

        assertThat(old.submission()).isEqualTo(BudgetPayloads.toContent(payload));
        assertThat(old.classification()).isEqualTo(BudgetPayloads.toContent(NAMES));
        assertThat(recorded.submission()).isEqualTo(old.submission());
        assertThat(recorded.classification()).isEqualTo(old.classification());
        assertThat(EventJson.MAPPER.readTree(recorded.submissionJson())).isEqualTo(EventJson.tree(payload));
    }

    @Test
    void givenAV1ApprovalWithoutNames_thenNoNames() {
        assertThat(approval(EventJson.write(RandomBudgets.budget(8)), null).classification()).isNull();
    }

    private static ApprovedBudget approval(String submissionJson, String classificationJson) {
        return new ApprovedBudget("405001/2024/1", "b1", "405001", 2024, 1, null, null, null, submissionJson,
                classificationJson, "e1", "budget-service");
    }
}
