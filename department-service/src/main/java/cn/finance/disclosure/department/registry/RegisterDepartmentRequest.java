package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;
import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/v1/departments. Texts are kept exactly as sent; control characters are refused. {@code kind} and
 * {@code level} are enumerations: they decide the disclosure's template (部门/单位预算情况说明) and which rules apply.
 */
public record RegisterDepartmentRequest(
        @NotNull(message = "单位编码不能为空")
        @Pattern(regexp = "[0-9]{6,12}", message = "单位编码须为6至12位数字") String code,
        @NotBlank(message = "单位名称不能为空") @Size(max = 100, message = "单位名称不能超过100个字符")
        @PlainText String name,
        @NotBlank(message = "单位简称不能为空") @Size(max = 50, message = "单位简称不能超过50个字符")
        @PlainText String shortName,
        @NotBlank(message = "所属区县不能为空") @Size(max = 50, message = "所属区县不能超过50个字符")
        @PlainText String district,
        @NotNull(message = "单位类型不能为空（ADMINISTRATIVE 行政单位、CIVIL_SERVICE_MANAGED 参照公务员法管理的事业单位、"
                + "PUBLIC_INSTITUTION 事业单位、OTHER 其他）") UnitKind kind,
        /* Absent means DEPARTMENT (一级部门), the level every unit had before levels were registered. */
        UnitLevel level,
        @Pattern(regexp = "[0-9]{6,12}", message = "上级单位编码须为6至12位数字") String parentCode) {
}
