package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.publication.document.ProfileContent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A department's profile for one fiscal year: the snapshot of the highest {@code profileVersion} seen, kept as the JSON
 * of this service's {@link ProfileContent} (mapped member for member from what the event carried, so a draft is
 * generated from exactly that; copies stored as the event's JSON read alike).
 */
@Document("department_profiles")
public record YearProfile(
        @Id String id,
        String departmentCode,
        int fiscalYear,
        long profileVersion,
        String departmentName,
        String snapshotJson,
        Instant updatedAt,
        String eventId) {

    static String idOf(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }

    public ProfileContent snapshot() {
        return StoredJson.read(snapshotJson, ProfileContent.class);
    }
}
