package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.support.provenance.EventSignatures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerCheckTest {

    static final KeyPair BUDGET_SERVICE = EventSignatures.newKeyPair();
    static final KeyPair SOMEONE_ELSE = EventSignatures.newKeyPair();
    static final String VALUE = "{\"type\":\"budget.approved.v1\",\"data\":{\"approvedBy\":{\"username\":\"评审人\"}}}";

    final ProducerCheck check = new ProducerCheck(EventSignatures.encode(BUDGET_SERVICE.getPublic()), true);

    static ConsumerRecord<String, String> record(String topic, String key, String value) {
        return new ConsumerRecord<>(topic, 0, 0L, key, value);
    }

    static ConsumerRecord<String, String> signed(KeyPair by, String producer, String signedTopic, String signedValue) {
        ConsumerRecord<String, String> record = record(Topics.BUDGET_EVENTS, "405001/2024", VALUE);
        EventSignatures.signHeaders(record.headers(), by.getPrivate(), signedTopic, "405001/2024", producer,
                signedValue.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void anEventSignedByBudgetServiceNamesItsProducer() {
        assertThat(check.budgetEventProducer(signed(BUDGET_SERVICE, "budget-service", Topics.BUDGET_EVENTS, VALUE)))
                .isEqualTo("budget-service");
    }

    @Test
    void unsignedForgedOrAlteredEventsAreRefusedAsPoison() {
        assertThatThrownBy(() -> check.budgetEventProducer(record(Topics.BUDGET_EVENTS, "405001/2024", VALUE)))
                .isInstanceOf(PoisonMessage.class).hasMessageContaining("no producer signature");
        assertThatThrownBy(() -> check.budgetEventProducer(
                signed(SOMEONE_ELSE, "budget-service", Topics.BUDGET_EVENTS, VALUE)))
                .as("another key claiming to be budget-service").isInstanceOf(PoisonMessage.class);
        assertThatThrownBy(() -> check.budgetEventProducer(
                signed(BUDGET_SERVICE, "department-service", Topics.BUDGET_EVENTS, VALUE)))
                .as("another producer name").isInstanceOf(PoisonMessage.class);
        assertThatThrownBy(() -> check.budgetEventProducer(
                signed(BUDGET_SERVICE, "budget-service", Topics.DEPARTMENT_EVENTS, VALUE)))
                .as("a record signed for another topic, replayed here").isInstanceOf(PoisonMessage.class);
        assertThatThrownBy(() -> check.budgetEventProducer(
                signed(BUDGET_SERVICE, "budget-service", Topics.BUDGET_EVENTS, VALUE.replace("评审人", "冒名者"))))
                .as("the value changed after signing").isInstanceOf(PoisonMessage.class);
    }

    @Test
    void withoutAKeyTheServiceRefusesToStartUnlessCheckingIsSwitchedOffExplicitly() {
        assertThatThrownBy(() -> new ProducerCheck("", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUDGET_EVENTS_VERIFY_KEY");
        assertThat(new ProducerCheck("", false).budgetEventProducer(record(Topics.BUDGET_EVENTS, "k", VALUE))).isNull();
    }
}
