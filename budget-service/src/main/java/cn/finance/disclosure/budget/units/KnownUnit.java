package cn.finance.disclosure.budget.units;

import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A department's kind and level as its registration event told this service (its own copy). */
@Document("units")
record KnownUnit(@Id String code, UnitKind kind, UnitLevel level, String eventId) {
}
