package cn.finance.disclosure.console.review;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class YearOverYearTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenLinesOfSeveralFundSources_whenGroupedByFunctionClass_thenTheYuanAddUpExactly() {
        var submission = JSON.readTree("""
                {"expenditureLines":[
                  {"functionCode":"2012901","fundSource":"GENERAL_PUBLIC_BUDGET","basic":"0.10","project":"0.20"},
                  {"functionCode":"2012901","fundSource":"BUSINESS_REVENUE","basic":"1721080.00","project":"0.00"},
                  {"functionCode":"2080505","fundSource":"GENERAL_PUBLIC_BUDGET","basic":"300000.00","project":"0.01"}]}""");
        Map<String, BigDecimal> now = YearOverYear.byClass(submission);
        assertThat(now).containsOnlyKeys("201", "208");
        assertThat(now.get("201")).isEqualByComparingTo("1721080.30");

        List<YearOverYear.Row> rows = YearOverYear.rows(now, Map.of("201", new BigDecimal("1721080.30"),
                "221", new BigDecimal("100.00")), Map.of("201", "一般公共服务支出"));
        assertThat(rows).extracting(YearOverYear.Row::getCode).containsExactly("201", "208", "221");
        assertThat(rows.get(0).getChange()).isEqualTo("0.00");
        assertThat(rows.get(0).getName()).isEqualTo("一般公共服务支出");
        assertThat(rows.get(1).getLastYear()).isEqualTo("0.00");
        assertThat(rows.get(2).getThisYear()).isEqualTo("0.00");
        assertThat(rows.get(2).getChangePercent()).isEqualTo("-100.0%");
        assertThat(rows.get(0).getThisBar()).isEqualTo(YearOverYear.BAR_WIDTH);
    }
}
