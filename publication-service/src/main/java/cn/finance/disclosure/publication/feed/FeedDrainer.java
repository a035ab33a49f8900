package cn.finance.disclosure.publication.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Appends feed items that a step recorded but could not append at once (a crash, a failed write). Steps append their
 * own items right after their write; this is the safety net, like the outbox relay's polling.
 */
@Component
class FeedDrainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedDrainer.class);

    private final ReleaseFeed feed;
    private final Duration interval;
    private volatile boolean running;
    private volatile Thread worker;

    FeedDrainer(ReleaseFeed feed, @Value("${finance.publication.feed-drain-interval:5s}") Duration interval) {
        this.feed = feed;
        this.interval = interval;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
                int appended = feed.drainOnce();
                if (appended > 0) {
                    log.info("appended {} left-over release feed entr(y/ies)", appended);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("release feed drain failed, retrying: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("feed-drainer").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
