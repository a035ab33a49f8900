package cn.finance.disclosure.portal.archive;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A version whose content verified, kept exactly as received: {@code json} is the platform's bytes (UTF-8), so
 * anyone can re-check the portal's copy the way the portal checked the platform's.
 *
 * @param formats the extra representations the platform answered for this version at sync (xlsx, pdf)
 */
@Document("versions")
public record ArchivedVersion(
        @Id String id,
        String departmentCode,
        int fiscalYear,
        int version,
        String contentHash,
        String json,
        Instant verifiedAt,
        long feedSequence,
        List<String> formats) {

    public static String idOf(String code, int fiscalYear, int version) {
        return code + "-" + fiscalYear + "-v" + version;
    }
}
