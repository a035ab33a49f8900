package cn.finance.disclosure.department;

import cn.finance.disclosure.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class DepartmentTopics {

    @Bean
    NewTopic departmentEvents() {
        return TopicBuilder.name(Topics.DEPARTMENT_EVENTS).partitions(3).replicas(1).build();
    }
}
