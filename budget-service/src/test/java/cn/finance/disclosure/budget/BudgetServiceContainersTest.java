package cn.finance.disclosure.budget;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
}
