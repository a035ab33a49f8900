package cn.finance.disclosure.support.provenance;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;

/**
 * Signs every record a service produces (see {@link EventSignatures}), below the outbox relay, so no code path can
 * publish unsigned. Configured through the producer's own properties:
 * {@code interceptor.classes=cn.finance.disclosure.support.provenance.EventSigningInterceptor},
 * {@code finance.events.producer=<service name>}, {@code finance.events.signing-key=<base64 PKCS#8 Ed25519>}; without a
 * key nothing is signed (and a consumer that requires signatures parks the records).
 */
public class EventSigningInterceptor implements ProducerInterceptor<String, String> {

    public static final String PRODUCER = "finance.events.producer";
    public static final String SIGNING_KEY = "finance.events.signing-key";

    private String producer;
    private PrivateKey key;

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(PRODUCER);
        Object encoded = configs.get(SIGNING_KEY);
        this.producer = name == null ? null : name.toString();
        this.key = encoded == null || encoded.toString().isBlank() ? null : EventSignatures.privateKey(encoded.toString());
        if (key != null && (producer == null || producer.isBlank())) {
            throw new IllegalArgumentException(PRODUCER + " must name the producing service when a signing key is set");
        }
    }

    @Override
    public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
        if (key != null) {
            EventSignatures.signHeaders(record.headers(), key, record.topic(), record.key(), producer,
                    record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }
}
