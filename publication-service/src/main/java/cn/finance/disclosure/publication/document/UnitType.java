package cn.finance.disclosure.publication.document;

import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;

/**
 * The department's kind and level as registered, which decide the document's wording: a 一级部门 publishes a
 * 部门预算情况说明 about "本部门" and "所属各预算单位"; a unit without subordinate units a 单位预算情况说明 about "本单位".
 * A registration that predates kind and level reads as an administrative 一级部门, the template the seed follows.
 */
public record UnitType(UnitKind kind, UnitLevel level) {

    public static final UnitType DEFAULT = new UnitType(UnitKind.ADMINISTRATIVE, UnitLevel.DEPARTMENT);

    public UnitType {
        kind = kind == null ? UnitKind.ADMINISTRATIVE : kind;
        level = level == null ? UnitLevel.DEPARTMENT : level;
    }

    boolean department() {
        return level == UnitLevel.DEPARTMENT;
    }

    /** "部门" or "单位", as in 部门预算情况说明 / 单位预算情况说明. */
    String noun() {
        return department() ? "部门" : "单位";
    }

    /** "本部门" / "本单位". */
    String self() {
        return "本" + noun();
    }

    /** Who the figures of section 五 cover: "所属各预算单位" for a 一级部门, "本单位" otherwise. */
    String covered() {
        return department() ? "所属各预算单位" : "本单位";
    }
}
