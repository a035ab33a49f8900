package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of PUT /api/v1/departments/{code}/profiles/{fiscalYear}. Texts are stored exactly as sent (Chinese and
 * full-width punctuation included); only control characters are refused. {@code fiscalYear} is optional and, when
 * given, must equal the year in the path.
 */
public record ProfileRequest(
        Integer fiscalYear,
        @NotEmpty(message = "职能职责至少一条") @Size(max = 50, message = "职能职责最多50条")
        List<@NotBlank(message = "职能职责条目不能为空") @Size(max = 2000, message = "每条职能职责不能超过2000个字符")
        @PlainText String> functions,
        @NotNull(message = "机构设置不能为空（没有内设机构时传空数组）") @Size(max = 50, message = "内设机构最多50个")
        List<@NotNull @Valid DivisionRequest> divisions,
        @NotNull(message = "预算公开联系人不能为空") @Valid ContactRequest disclosureContact) {

    public record DivisionRequest(
            @NotBlank(message = "机构名称不能为空") @Size(max = 100, message = "机构名称不能超过100个字符")
            @PlainText String name,
            @NotBlank(message = "机构职责不能为空") @Size(max = 4000, message = "机构职责不能超过4000个字符")
            @PlainText String responsibilities) {
    }

    /** A Chinese mobile number (11 digits, 13x–19x) or a landline with area code (0xx-xxxxxxx[x], extension allowed). */
    public record ContactRequest(
            @NotBlank(message = "联系人姓名不能为空") @Size(max = 50, message = "联系人姓名不能超过50个字符")
            @PlainText String name,
            @NotNull(message = "联系电话不能为空")
            @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?",
                    message = "联系电话须为11位手机号或带区号的固定电话，例如 17783265987 或 023-48612345") String phone) {
    }

    ProfileContent toSnapshot(int fiscalYear) {
        return new ProfileContent(fiscalYear, List.copyOf(functions),
                divisions.stream().map(d -> new ProfileContent.Division(d.name(), d.responsibilities())).toList(),
                new ProfileContent.DisclosureContact(disclosureContact.name(), disclosureContact.phone()));
    }
}
