package cn.finance.disclosure.department;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
}
