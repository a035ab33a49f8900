package cn.finance.disclosure.budget.submission;

import cn.finance.disclosure.model.BudgetPayloads;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.testing.RandomBudgets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request body, the stored budget and the event payload are three types; the mapping loses nothing. */
class BudgetRequestTest {

    @Test
    void givenTheSeedAsARequest_whenMapped_thenTheSubmissionIsTheSameJson() throws IOException {
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")) {
            seed = EventJson.MAPPER.readTree(in).get("budget");
        }
        BudgetRequest request = EventJson.MAPPER.treeToValue(seed, BudgetRequest.class);

        BudgetContent submission = request.toContent();

        assertThat(EventJson.MAPPER.readTree(EventJson.write(submission))).isEqualTo(seed);
    }

    @Test
    void givenManyRandomBudgets_whenWrittenAsRequestsAndMapped_thenTheSameBudgets() {
        for (long seed = 0; seed < 100; seed++) {
            BudgetContent budget = BudgetPayloads.toContent(RandomBudgets.budget(seed));
            BudgetRequest request = EventJson.MAPPER.convertValue(budget, BudgetRequest.class);

            assertThat(request.toContent()).as("seed %d", seed).isEqualTo(budget);
        }
    }

    @Test
    void theRequestHasTheSameMembersAsThePayload() {
        assertThat(names(BudgetRequest.class)).isEqualTo(names(BudgetContent.class));
        assertThat(names(BudgetRequest.PriorYear.class)).isEqualTo(names(BudgetContent.PriorYear.class));
        assertThat(names(BudgetRequest.ExpenditureLine.class)).isEqualTo(names(BudgetContent.ExpenditureLine.class));
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
