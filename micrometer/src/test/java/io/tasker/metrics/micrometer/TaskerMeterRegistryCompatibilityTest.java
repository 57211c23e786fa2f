package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.tck.MeterRegistryCompatibilityKit;
import io.tasker.metrics.MetricRegistry;
import java.time.Duration;

/**
 * Micrometer's own compatibility kit, every test of it, against {@link TaskerMeterRegistry}.
 */
class TaskerMeterRegistryCompatibilityTest extends MeterRegistryCompatibilityKit {
    @Override
    public MeterRegistry registry() {
        return new TaskerMeterRegistry(new MetricRegistry(), new MockClock());
    }

    /** The window of the decaying maxima: Micrometer's default expiry, which the registry keeps. */
    @Override
    public Duration step() {
        return DistributionStatisticConfig.DEFAULT.getExpiry();
    }
}
