package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service produces to; the topics it consumes belong to their producers. */
@Configuration(proxyBeanMethods = false)
class PublicationTopics {

    @Bean
    NewTopic publicationEvents() {
        return TopicBuilder.name(Topics.PUBLICATION_EVENTS).partitions(3).replicas(1).build();
    }
}
