package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a correction or withdrawal: the content hash the person saw (the correction draft's, or the withdrawn
 * version's) and the public reason, published with the version and in the release feed, so plain text only.
 */
public record ReasonedStepRequest(
        @NotNull(message = "须提供您所看到内容的哈希 contentHash")
        @Pattern(regexp = "[0-9a-f]{64}", message = "contentHash 须为64位小写十六进制 SHA-256 值") String contentHash,
        @NotBlank(message = "须说明公开的原因") @Size(max = 500, message = "原因不能超过500个字符")
        @PlainText String reason) {
}
