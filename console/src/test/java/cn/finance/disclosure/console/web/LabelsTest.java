package cn.finance.disclosure.console.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    private final Labels labels = new Labels("Asia/Shanghai");

    @Test
    void givenTheRegistrysEnumerations_whenOffered_thenEveryValueHasItsChineseLabelInOrder() {
        assertThat(labels.kinds()).containsExactly(
                Map.entry("ADMINISTRATIVE", "行政单位"),
                Map.entry("CIVIL_SERVICE_MANAGED", "参照公务员法管理的事业单位"),
                Map.entry("PUBLIC_INSTITUTION", "事业单位"),
                Map.entry("OTHER", "其他"));
        assertThat(labels.levels()).containsExactly(
                Map.entry("DEPARTMENT", "一级部门（含所属单位）"),
                Map.entry("UNIT", "单位（本级或二级单位）"));
    }

    @Test
    void givenAnOlderFreeTextKindOrNoLevel_whenShown_thenTheTextIsKeptAndTheLevelIsDepartment() {
        assertThat(labels.kind("群团机关")).isEqualTo("群团机关");
        assertThat(labels.level(null)).isEqualTo("一级部门（含所属单位）");
        assertThat(labels.level("UNIT")).isEqualTo("单位（本级或二级单位）");
    }
}
