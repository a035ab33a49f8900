package cn.finance.disclosure.publication.sources;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A department as its registration event told this service (this service's own copy; never department-service's). */
@Document("departments")
public record KnownDepartment(
        @Id String code,
        String name,
        String shortName,
        String district,
        String kind,
        String parentCode,
        Instant registeredAt,
        String eventId) {
}
