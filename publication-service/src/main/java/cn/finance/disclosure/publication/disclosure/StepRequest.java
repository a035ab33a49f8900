package cn.finance.disclosure.publication.disclosure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of a confirmation or release: the content hash the person saw (from the draft they read). */
public record StepRequest(
        @NotNull(message = "须提供您所看到内容的哈希 contentHash")
        @Pattern(regexp = "[0-9a-f]{64}", message = "contentHash 须为64位小写十六进制 SHA-256 值") String contentHash) {
}
