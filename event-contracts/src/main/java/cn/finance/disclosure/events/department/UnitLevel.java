package cn.finance.disclosure.events.department;

/**
 * A 一级部门 publishes a 部门预算 covering its subordinate units ("本部门", "所属各预算单位"); a unit without subordinate
 * units (本级 or 二级单位) publishes a 单位预算 about itself ("本单位").
 */
public enum UnitLevel {
    DEPARTMENT("一级部门（含所属单位）"),
    UNIT("单位（本级或二级单位，无所属单位）");

    public final String label;

    UnitLevel(String label) {
        this.label = label;
    }
}
