package cn.finance.disclosure.events;

import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.events.department.UnitKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event type has a JSON fixture ({@code /events/<type>.json}, an envelope as it travels) that reads into its
 * registered payload class and writes back to the same JSON: a payload change that breaks the wire format fails here.
 */
class EventContractsTest {

    static Set<String> types() {
        return EventRegistry.types();
    }

    static JsonNode fixture(String type) {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/events/" + type + ".json")) {
            assertThat(in).as("fixture /events/%s.json", type).isNotNull();
            return EventJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void givenTheFixtureOfAnEventType_whenReadAndWrittenBack_thenTheSameJson(String type) {
        JsonNode fixture = fixture(type);
        EventEnvelope envelope = EventJson.MAPPER.treeToValue(fixture, EventEnvelope.class);

        Object payload = EventRegistry.payload(envelope);

        assertThat(envelope.type()).isEqualTo(type);
        assertThat(payload).isInstanceOf(EventRegistry.payloadClass(type).orElseThrow());
        // compared as parsed text, so a long and an int of the same value are the same JSON number
        assertThat(EventJson.MAPPER.readTree(EventJson.write(payload))).isEqualTo(fixture.get("data"));
        assertThat(EventJson.MAPPER.readTree(EventJson.write(envelope))).isEqualTo(fixture);
    }

    @Test
    void givenAnUnknownType_thenNoPayloadClass() {
        assertThat(EventRegistry.payloadClass("budget.approved.v9")).isEmpty();
        EventEnvelope unknown = new EventEnvelope("1.0", "x", "budget.approved.v9", "s", "k", null, "application/json",
                EventJson.tree(java.util.Map.of()));
        assertThatThrownBy(() -> EventRegistry.payload(unknown)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheApprovalV2Fixture_thenItCarriesTheCatalogNamesAndThePriorYearInTheBudgetsStructure() {
        BudgetApprovedV2 approved = (BudgetApprovedV2) EventRegistry.payload(
                EventJson.MAPPER.treeToValue(fixture(EventTypes.BUDGET_APPROVED_V2), EventEnvelope.class));

        assertThat(approved.classification().function()).containsEntry("20129", "群众团体事务");
        BudgetSubmission.PriorYear prior = approved.submission().priorYear();
        assertThat(prior.expenditure()).containsExactly(new BudgetSubmission.FundExpenditure(
                BudgetSubmission.FundSource.GENERAL_PUBLIC_BUDGET, Yuan.of("3676700.00"), Yuan.of("217500.00")));
        assertThat(prior.expenditureTotal()).isNull();
        assertThat(prior.origin().source()).isEqualTo("ENTERED");
    }

    @Test
    void givenAV1Approval_thenItReadsAsV2WithoutNames() {
        var v1 = (cn.finance.disclosure.events.budget.BudgetApproved) EventRegistry.payload(
                EventJson.MAPPER.treeToValue(fixture(EventTypes.BUDGET_APPROVED), EventEnvelope.class));

        BudgetApprovedV2 v2 = BudgetApprovedV2.fromV1(v1);

        assertThat(v2.classification()).isNull();
        assertThat(v2.submission().priorYear().expenditureTotal()).isEqualTo(Yuan.of("3894200.00"));
    }

    @Test
    void givenTheRegistrationV2Fixture_thenKindAndLevelAreEnumerations() {
        DepartmentRegisteredV2 registered = (DepartmentRegisteredV2) EventRegistry.payload(
                EventJson.MAPPER.treeToValue(fixture(EventTypes.DEPARTMENT_REGISTERED_V2), EventEnvelope.class));

        assertThat(registered.kind()).isEqualTo(UnitKind.ADMINISTRATIVE);
        assertThat(registered.kind().hasAgencyOperatingExpenses()).isTrue();
        assertThat(UnitKind.PUBLIC_INSTITUTION.hasAgencyOperatingExpenses()).isFalse();
    }

    @Test
    void yuanIsExactOnTheWireAndShowsWanYuanAsDocumentsDo() {
        assertThat(Yuan.parse("2766200.00").toWanYuanText()).isEqualTo("276.62");
        assertThat(Yuan.parse("968000").toWanYuanText()).isEqualTo("96.8");
        assertThat(Yuan.parse("0.00").toWanYuanText()).isEqualTo("0");
        assertThat(EventJson.write(Yuan.parse("1.5"))).isEqualTo("\"1.50\"");
        assertThatThrownBy(() -> Yuan.parse("-1.00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Yuan.parse("1.001")).isInstanceOf(IllegalArgumentException.class);
    }
}
