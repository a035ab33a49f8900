package cn.finance.disclosure.portal.sync;

import cn.finance.disclosure.portal.PortalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;

/** Reads the release feed every {@code portal.poll-interval} (a pass at a time), the first pass at start-up. */
@Configuration(proxyBeanMethods = false)
class SyncSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

    private final FeedSync sync;
    private final PortalProperties properties;

    SyncSchedule(FeedSync sync, PortalProperties properties) {
        this.sync = sync;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::poll, properties.pollInterval());
    }

    private void poll() {
        try {
            sync.syncOnce();
        } catch (RuntimeException e) {
            // the portal's own database failing: logged, tried again at the next poll
            log.warn("sync pass failed: {}", e.toString());
        }
    }

    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }
}
