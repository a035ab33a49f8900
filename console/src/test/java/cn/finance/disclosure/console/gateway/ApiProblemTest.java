package cn.finance.disclosure.console.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemTest {

    @Test
    void givenAWorkbookImportProblem_whenItsErrorsAreListed_thenEachNamesItsSheetAndCell() {
        ApiProblem problem = new ApiProblem(400, JsonMapper.builder().build().readTree("""
                {"title":"工作簿有误","errors":[
                  {"sheet":"收入预算","cell":"B7","message":"金额须为数字，最多两位小数"},
                  {"field":"fiscalYear","message":"年度须在2000至2100之间"}]}"""));
        assertThat(problem.fieldErrors()).containsEntry("收入预算!B7", List.of("金额须为数字，最多两位小数"))
                .containsEntry("fiscalYear", List.of("年度须在2000至2100之间"));
    }
}
