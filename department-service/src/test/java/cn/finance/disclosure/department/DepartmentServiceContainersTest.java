package cn.finance.disclosure.department;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import cn.finance.disclosure.testing.QueryPlans;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract on real MongoDB 8 and Kafka 4 containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class DepartmentServiceContainersTest extends DepartmentServiceContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.17");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("departments-it"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        security(registry);
    }

    @Override
    String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    /** Every query of the service reads an index on real MongoDB (the MongoDB-wire server always scans). */
    @org.junit.jupiter.api.Test
    void everyQueryOfTheServiceUsesAnIndex() {
        var db = mongo.getDb();
        org.bson.Document byCode = new org.bson.Document("_id", 1);
        QueryPlans.assertUsesAnIndex(db, "departments", new org.bson.Document(), byCode);
        QueryPlans.assertUsesAnIndex(db, "departments", new org.bson.Document("_id", "405001"), byCode);
        QueryPlans.assertUsesAnIndex(db, "departments", new org.bson.Document("kind", "群团机关"), byCode);
        QueryPlans.assertUsesAnIndex(db, "departments", new org.bson.Document("district", "重庆市綦江区"), byCode);
        QueryPlans.assertUsesAnIndex(db, "department_profiles", new org.bson.Document("_id", "405001/2024"), null);
        for (String collection : java.util.List.of("departments", "department_profiles")) {
            QueryPlans.assertUsesAnIndex(db, collection,
                    new org.bson.Document("outbox.eventId", new org.bson.Document("$exists", true)), null);
            QueryPlans.assertUsesAnIndex(db, collection,
                    new org.bson.Document("outboxFailed.eventId", new org.bson.Document("$exists", true)), null);
        }
    }
}
