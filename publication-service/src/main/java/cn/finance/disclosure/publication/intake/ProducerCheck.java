package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.support.provenance.EventSignatures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * Budget events are trusted only when budget-service signed them (Kafka ACLs keep other principals off the topic;
 * this also holds where ACLs are missing or wrong). A record without a valid signature by {@code budget-service} is a
 * poison message: parked, never turned into a draft. Required unless switched off explicitly
 * ({@code finance.events.require-signed=false}, for tests that play the producer themselves).
 */
@Component
class ProducerCheck {

    static final String BUDGET_SERVICE = "budget-service";
    private static final Logger log = LoggerFactory.getLogger(ProducerCheck.class);

    private final PublicKey budgetService;

    ProducerCheck(@Value("${finance.events.verify-keys.budget-service:}") String budgetServiceKey,
                  @Value("${finance.events.require-signed:true}") boolean required) {
        if (budgetServiceKey.isBlank()) {
            if (required) {
                throw new IllegalStateException("finance.events.verify-keys.budget-service (BUDGET_EVENTS_VERIFY_KEY) "
                        + "is not set: budget events could not be checked; set it, or finance.events.require-signed=false");
            }
            log.warn("budget events are NOT checked for budget-service's signature (finance.events.require-signed=false)");
            this.budgetService = null;
        } else {
            this.budgetService = EventSignatures.publicKey(budgetServiceKey);
        }
    }

    /** The verified producer of a budget event (null when checking is switched off); a forged one is refused. */
    String budgetEventProducer(ConsumerRecord<String, String> record) {
        if (budgetService == null) {
            return null;
        }
        EventSignatures.Verdict verdict = EventSignatures.verify(budgetService, BUDGET_SERVICE, Topics.BUDGET_EVENTS,
                record.key(), record.headers(),
                record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8));
        if (!verdict.ok()) {
            throw new PoisonMessage("untrusted producer: " + verdict.refusal());
        }
        return verdict.producer();
    }
}
