package cn.finance.disclosure.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Kafka broker and one in-memory MongoDB-wire server per test JVM, started on first use on free loopback
 * ports and stopped when the JVM exits. Integration tests of every service run on these.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedInfrastructure shared;

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;

    private EmbeddedInfrastructure(KafkaBroker kafka, MongoWireServer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            quietKafkaLogs();
            try {
                Path dir = Files.createTempDirectory("kafka-test");
                KafkaBroker kafka = KafkaBroker.start(FreePorts.next(), FreePorts.next(), dir);
                MongoWireServer mongo = MongoWireServer.inMemory(0);
                shared = new EmbeddedInfrastructure(kafka, mongo);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    mongo.close();
                    kafka.close();
                }, "embedded-infrastructure-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The broker logs its whole configuration at INFO; tests want only its warnings. */
    static void quietKafkaLogs() {
        for (String name : new String[]{"kafka", "org.apache.kafka", "state.change.logger", "de.bwaldvogel"}) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }
}
