package cn.finance.disclosure.budget;

import cn.finance.disclosure.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class BudgetTopics {

    @Bean
    NewTopic budgetEvents() {
        return TopicBuilder.name(Topics.BUDGET_EVENTS).partitions(3).replicas(1).build();
    }
}
