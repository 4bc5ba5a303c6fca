package org.smarttunnel.fitting.predict;

import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * Options of {@code fit}: how models are fitted, the significance level of the
 * predictability test, and the device a printed netem command names.
 */
public record FitOptions(ModelOptions models, double level, String device) {
    public FitOptions {
        InvalidSettingException.require(level > 0 && level < 1, Setting.LEVEL, "must lie between 0 and 1");
        InvalidSettingException.require(!device.isBlank(), Setting.DEVICE, "must not be empty");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private ModelOptions models = ModelOptions.builder().build();
        private double level = Defaults.LEVEL;
        private String device = Defaults.DEVICE;

        public Builder models(ModelOptions m) {
            models = m;
            return this;
        }

        public Builder level(double l) {
            level = l;
            return this;
        }

        public Builder device(String d) {
            device = d;
            return this;
        }

        public FitOptions build() {
            return new FitOptions(models, level, device);
        }
    }
}
