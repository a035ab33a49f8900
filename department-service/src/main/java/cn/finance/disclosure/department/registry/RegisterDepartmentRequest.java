package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/departments. Texts are kept exactly as sent; control characters are refused. */
public record RegisterDepartmentRequest(
        @NotNull(message = "单位编码不能为空")
        @Pattern(regexp = "[0-9]{6,12}", message = "单位编码须为6至12位数字") String code,
        @NotBlank(message = "单位名称不能为空") @Size(max = 100, message = "单位名称不能超过100个字符")
        @PlainText String name,
        @NotBlank(message = "单位简称不能为空") @Size(max = 50, message = "单位简称不能超过50个字符")
        @PlainText String shortName,
        @NotBlank(message = "所属区县不能为空") @Size(max = 50, message = "所属区县不能超过50个字符")
        @PlainText String district,
        @NotBlank(message = "单位类型不能为空") @Size(max = 30, message = "单位类型不能超过30个字符")
        @PlainText String kind,
        @Pattern(regexp = "[0-9]{6,12}", message = "上级单位编码须为6至12位数字") String parentCode) {
}
