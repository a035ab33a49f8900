package cn.finance.disclosure.events.department;

/** What kind of budget unit a department is; decides which rules and wording apply (e.g. 机关运行经费). */
public enum UnitKind {
    ADMINISTRATIVE("行政单位"),
    CIVIL_SERVICE_MANAGED("参照公务员法管理的事业单位"),
    PUBLIC_INSTITUTION("事业单位"),
    OTHER("其他");

    public final String label;

    UnitKind(String label) {
        this.label = label;
    }

    /** 机关运行经费 exists only for administrative units and those managed under the civil service law. */
    public boolean hasAgencyOperatingExpenses() {
        return this == ADMINISTRATIVE || this == CIVIL_SERVICE_MANAGED;
    }
}
