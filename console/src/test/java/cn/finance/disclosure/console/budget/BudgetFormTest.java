package cn.finance.disclosure.console.budget;

import cn.finance.disclosure.console.budget.FormView.Input;
import cn.finance.disclosure.console.budget.FormView.Note;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetFormTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenFormFieldsNamedByJsonPath_whenConverted_thenTheSubmissionHasTheirValuesExactlyAndBlankRowsAreDropped() {
        Map<String, String[]> form = new LinkedHashMap<>();
        form.put("_csrf", new String[] {"x"});
        form.put("action", new String[] {"save"});
        form.put("fiscalYear", new String[] {"2024"});
        form.put("revenue.generalPublicBudgetAppropriation", new String[] {"2766200.00"});
        form.put("expenditureLines[0].functionCode", new String[] {"2012901"});
        form.put("expenditureLines[0].functionName", new String[] {"行政运行（本级）"});
        form.put("expenditureLines[0].basic", new String[] {"1721080.00"});
        form.put("expenditureLines[1].functionCode", new String[] {""});
        form.put("expenditureLines[2].functionCode", new String[] {"2080505"});
        form.put("projects[0].performanceTargets[1].target", new String[] {"≥90%"});
        form.put("assets.vehiclesTotal", new String[] {"3"});
        form.put("assets.asOf", new String[] {"2023-12"});
        form.put("priorYear.revenue.otherRevenue", new String[] {"1.5"});
        form.put("priorYear.expenditure[0].fundSource", new String[] {"GENERAL_PUBLIC_BUDGET"});
        form.put("priorYear.expenditure[0].basic", new String[] {"3676700.00"});
        form.put("priorYear.expenditure[1].project", new String[] {""});
        form.put("departmentCode", new String[] {"999999"});
        form.put("constructor.prototype", new String[] {"x"});

        JsonNode s = BudgetForm.toSubmission(form, "405001", JSON);

        assertThat(s.get("departmentCode").asString()).as("always the clerk's own department").isEqualTo("405001");
        assertThat(s.get("fiscalYear").isInt()).isTrue();
        assertThat(s.get("revenue").get("generalPublicBudgetAppropriation").asString()).isEqualTo("2766200.00");
        assertThat(s.get("expenditureLines")).hasSize(2);
        assertThat(s.get("expenditureLines").get(0).get("functionName").asString()).isEqualTo("行政运行（本级）");
        assertThat(s.get("expenditureLines").get(1).get("functionCode").asString()).isEqualTo("2080505");
        assertThat(s.get("projects").get(0).get("performanceTargets")).hasSize(1);
        assertThat(s.get("assets").get("vehiclesTotal").asInt()).isEqualTo(3);
        assertThat(s.get("assets").get("asOf").asString()).isEqualTo("2023-12");
        assertThat(s.get("priorYear").get("revenue").get("otherRevenue").asString()).as("as typed: the API judges")
                .isEqualTo("1.5");
        assertThat(s.get("priorYear").get("expenditure")).as("per fund source; the blank row dropped").hasSize(1);
        assertThat(s.get("priorYear").get("expenditure").get(0).get("basic").asString()).isEqualTo("3676700.00");
        assertThat(s.get("basicExpenditureByEconomicClass").isArray()).isTrue();
        assertThat(s.get("changeExplanations").isObject()).isTrue();
        assertThat(s.has("constructor")).isFalse();
        assertThat(s.has("_csrf")).isFalse();
    }

    @Test
    void givenFindings_whenTheFormIsBuilt_thenEachIsShownBesideItsFieldOrItsSection() {
        JsonNode budget = JSON.readTree("""
                {"fiscalYear":2024,"expenditureLines":[{"functionCode":"2012901","basic":"1.00"}],
                 "priorYear":{"fiscalYear":2023}}""");
        Note warning = new Note("WARNING", "警告", "V06-REVENUE-EXPENDITURE-DELTA", "上年收支不平衡");
        Note error = new Note("ERROR", "错误", "V01", "金额不符");
        Note other = new Note("INFO", "提示", "V99", "整体说明");

        FormView view = BudgetForm.view(budget, BudgetForm.Room.EDIT, List.of(),
                Map.of("priorYear", List.of(warning), "expenditureLines[0].basic", List.of(error),
                        "somethingElse", List.of(other)));

        FormView.Section prior = view.getSections().stream().filter(s -> s.id.equals("s-priorYear")).findFirst()
                .orElseThrow();
        assertThat(prior.getNotes()).containsExactly(warning);
        Input basic = view.getSections().stream().flatMap(s -> s.getBlocks().stream())
                .flatMap(b -> b.getRows().stream()).flatMap(List::stream)
                .filter(i -> i.getName().equals("expenditureLines[0].basic")).findFirst().orElseThrow();
        assertThat(basic.getNotes()).containsExactly(error);
        assertThat(basic.getValue()).isEqualTo("1.00");
        assertThat(basic.isInvalid()).isTrue();
        assertThat(view.getGeneral()).containsExactly(other);
    }
}
