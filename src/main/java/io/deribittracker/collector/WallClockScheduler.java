package io.deribittracker.collector;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Fires the collector's {@code scheduler:} consumer at every interval boundary of the UTC wall clock.
 * <p>
 * A fixed-rate timer started at a boundary drifts away from the clock as soon as the route is restarted or
 * the system clock is stepped, and it fires in bursts to catch up after a pause. This scheduler instead
 * computes the delay to the next boundary afresh before every tick, so ticks stay on {@code …:00} for as
 * long as the service runs. The next tick is scheduled before the current one runs, so a slow tick never
 * pushes the next one off its boundary.
 */
class WallClockScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private final SlotClock slotClock;
    private CamelContext camelContext;
    private Runnable task;
    private ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> nextTick;

    public WallClockScheduler(SlotClock slotClock) {
        this.slotClock = slotClock;
    }

    @Override
    public void onInit(Consumer consumer) {
        // nothing to prepare: the consumer hands over its task in scheduleTask
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void startScheduler() {
        if (executor == null) {
            // two threads: the next tick can start while a slow one is still running
            executor = camelContext.getExecutorServiceManager().newScheduledThreadPool(this, "WallClockScheduler", 2);
        }
        scheduleNextTick();
    }

    private void scheduleNextTick() {
        nextTick = executor.schedule(this::tick, slotClock.untilNextSlot().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (!isRunAllowed()) {
            return;
        }
        scheduleNextTick();
        task.run();
    }

    @Override
    public boolean isSchedulerStarted() {
        return nextTick != null && !nextTick.isDone();
    }

    @Override
    public void unscheduleTask() {
        if (nextTick != null) {
            nextTick.cancel(false);
            nextTick = null;
        }
    }

    @Override
    protected void doStop() {
        unscheduleTask();
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
