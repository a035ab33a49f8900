package cn.finance.disclosure.support.provenance;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Who wrote an event, provable from the record alone: the producing service signs topic, key, its own name and the
 * value with an Ed25519 key only it holds; a consumer verifies with that service's public key. Kafka ACLs keep other
 * principals off a topic; this holds even where they fail (a shared principal, a misconfigured ACL, a replayed
 * record onto another topic), and it can be checked again later from a parked record.
 */
public final class EventSignatures {

    public static final String PRODUCER_HEADER = "finance_producer";
    public static final String SIGNATURE_HEADER = "finance_signature";
    private static final String ALGORITHM = "Ed25519";

    private EventSignatures() {
    }

    /** What is signed: a fixed prefix, topic, key and producer (newline-separated), then the value's bytes. */
    static byte[] signedBytes(String topic, String key, String producer, byte[] value) {
        byte[] head = ("finance-event-signature-v1\n" + topic + "\n" + (key == null ? "" : key) + "\n" + producer + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + (value == null ? 0 : value.length)];
        System.arraycopy(head, 0, all, 0, head.length);
        if (value != null) {
            System.arraycopy(value, 0, all, head.length, value.length);
        }
        return all;
    }

    public static String sign(PrivateKey key, String topic, String recordKey, String producer, byte[] value) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(signedBytes(topic, recordKey, producer, value));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign event", e);
        }
    }

    /** Puts the producer's name and its signature on a record's headers (replacing any that were there). */
    public static void signHeaders(Headers headers, PrivateKey key, String topic, String recordKey, String producer,
                                   byte[] value) {
        headers.remove(PRODUCER_HEADER).remove(SIGNATURE_HEADER);
        headers.add(PRODUCER_HEADER, producer.getBytes(StandardCharsets.UTF_8));
        headers.add(SIGNATURE_HEADER, sign(key, topic, recordKey, producer, value).getBytes(StandardCharsets.UTF_8));
    }

    /** The producer named on the record when its signature verifies with {@code trusted}; otherwise why not. */
    public static Verdict verify(PublicKey trusted, String expectedProducer, String topic, String recordKey,
                                 Headers headers, byte[] value) {
        String producer = text(headers.lastHeader(PRODUCER_HEADER));
        String signature = text(headers.lastHeader(SIGNATURE_HEADER));
        if (producer == null || signature == null) {
            return Verdict.refused("no producer signature");
        }
        if (!producer.equals(expectedProducer)) {
            return Verdict.refused("producer " + producer + " may not write " + topic);
        }
        try {
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(trusted);
            check.update(signedBytes(topic, recordKey, producer, value));
            return check.verify(Base64.getDecoder().decode(signature)) ? Verdict.verified(producer)
                    : Verdict.refused("signature does not verify for " + producer);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Verdict.refused("signature unreadable: " + e.getMessage());
        }
    }

    public record Verdict(String producer, String refusal) {
        static Verdict verified(String producer) {
            return new Verdict(producer, null);
        }

        static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        public boolean ok() {
            return refusal == null;
        }
    }

    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64Pkcs8.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    public static PublicKey publicKey(String base64X509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64X509.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** A fresh key pair; {@code main} prints one as the two environment variables a deployment sets. */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static void main(String[] args) {
        KeyPair pair = newKeyPair();
        System.out.println("EVENT_SIGNING_KEY=" + encode(pair.getPrivate()));
        System.out.println("EVENT_VERIFY_KEY=" + encode(pair.getPublic()));
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
