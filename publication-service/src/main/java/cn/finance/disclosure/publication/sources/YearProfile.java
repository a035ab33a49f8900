package cn.finance.disclosure.publication.sources;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A department's profile for one fiscal year: the snapshot of the highest {@code profileVersion} seen. The snapshot is
 * kept verbatim as the event's JSON, so a draft is generated from exactly what the event carried.
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

    public ProfileSnapshot snapshot() {
        return EventJson.MAPPER.readValue(snapshotJson, ProfileSnapshot.class);
    }
}
