package cn.finance.disclosure.events;

import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.BudgetReturned;
import cn.finance.disclosure.events.budget.BudgetSubmitted;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.events.department.DepartmentRegistered;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.events.publication.PublicationCorrected;
import cn.finance.disclosure.events.publication.PublicationReleased;
import cn.finance.disclosure.events.publication.PublicationWithdrawn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every published event type bound to its payload class, in one place: producers publish only types listed here and
 * consumers read a payload by its type, never by a Java class name on the wire. A new version is a new entry beside
 * the old one (consumers keep reading both).
 */
public final class EventRegistry {

    private static final Map<String, Class<?>> PAYLOADS = payloads();

    private EventRegistry() {
    }

    private static Map<String, Class<?>> payloads() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put(EventTypes.DEPARTMENT_REGISTERED, DepartmentRegistered.class);
        m.put(EventTypes.DEPARTMENT_REGISTERED_V2, DepartmentRegisteredV2.class);
        m.put(EventTypes.DEPARTMENT_PROFILE_UPDATED, DepartmentProfileUpdated.class);
        m.put(EventTypes.BUDGET_SUBMITTED, BudgetSubmitted.class);
        m.put(EventTypes.BUDGET_RETURNED, BudgetReturned.class);
        m.put(EventTypes.BUDGET_APPROVED, BudgetApproved.class);
        m.put(EventTypes.BUDGET_APPROVED_V2, BudgetApprovedV2.class);
        m.put(EventTypes.PUBLICATION_RELEASED, PublicationReleased.class);
        m.put(EventTypes.PUBLICATION_CORRECTED, PublicationCorrected.class);
        m.put(EventTypes.PUBLICATION_WITHDRAWN, PublicationWithdrawn.class);
        return Map.copyOf(m);
    }

    public static Set<String> types() {
        return PAYLOADS.keySet();
    }

    public static Optional<Class<?>> payloadClass(String type) {
        return Optional.ofNullable(PAYLOADS.get(type));
    }

    /** The payload of {@code envelope} as its type's class. */
    public static Object payload(EventEnvelope envelope) {
        Class<?> type = payloadClass(envelope.type()).orElseThrow(() ->
                new IllegalArgumentException("unknown event type " + envelope.type()));
        return EventJson.payload(envelope, type);
    }
}
