package cn.finance.disclosure.budget;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import cn.finance.disclosure.testing.QueryPlans;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same workflow contract on real MongoDB 8 and Kafka 4 containers; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class BudgetServiceContainersTest extends BudgetServiceContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0.17");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("budgets-it"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("finance.security.issuer-uri", ISSUER::issuer);
        registry.add("finance.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @Override
    String kafkaBootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /** Every query of the service reads an index on real MongoDB (the MongoDB-wire server always scans). */
    @org.junit.jupiter.api.Test
    void everyQueryOfTheServiceUsesAnIndex() {
        var db = mongo.getDb();
        org.bson.Document listOrder = new org.bson.Document("departmentCode", 1).append("fiscalYear", -1)
                .append("revision", -1);
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document(), listOrder);
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document("departmentCode", "405001"), listOrder);
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document("fiscalYear", 2024), listOrder);
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document("status", "APPROVED"), listOrder);
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document("departmentCode", "405001")
                .append("fiscalYear", 2024), new org.bson.Document("revision", 1));
        QueryPlans.assertUsesAnIndex(db, "budgets", new org.bson.Document("departmentCode", "405001")
                .append("fiscalYear", 2024).append("revision", new org.bson.Document("$gt", 1)), null);
        QueryPlans.assertUsesAnIndex(db, "budgets",
                new org.bson.Document("outbox.eventId", new org.bson.Document("$exists", true)), null);
        QueryPlans.assertUsesAnIndex(db, "budgets",
                new org.bson.Document("outboxFailed.eventId", new org.bson.Document("$exists", true)), null);
    }
}
