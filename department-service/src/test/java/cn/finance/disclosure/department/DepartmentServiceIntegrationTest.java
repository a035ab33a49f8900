package cn.finance.disclosure.department;

import cn.finance.disclosure.stack.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The department service's contract on the embedded real Kafka broker and the MongoDB-wire server. */
class DepartmentServiceIntegrationTest extends DepartmentServiceContract {

    static final EmbeddedInfrastructure INFRA = EmbeddedInfrastructure.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> INFRA.mongoUri("departments-it"));
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        security(registry);
    }

    @Override
    String kafkaBootstrapServers() {
        return INFRA.kafkaBootstrapServers();
    }
}
