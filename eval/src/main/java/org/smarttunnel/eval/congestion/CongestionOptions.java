package org.smarttunnel.eval.congestion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.smarttunnel.common.options.Defaults;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;

/**
 * Options of a shared-congestion analysis: which traces (one site's, a list, or all), the bin
 * length of the tests, the interval length deciding what is concurrent (empty: the dataset's),
 * how many paths to select from distinct groups, and a file of true groups to score against.
 */
public record CongestionOptions(Optional<String> site, List<String> traces, long binUs, OptionalLong intervalUs,
        OptionalInt select, Optional<Path> truth) {

    public CongestionOptions {
        traces = List.copyOf(traces);
        InvalidSettingException.require(site.isEmpty() || traces.isEmpty(), Setting.TRACES,
                "cannot be given with a site; choose one or the other");
        InvalidSettingException.require(binUs > 0, Setting.BIN, "must be positive");
        InvalidSettingException.require(select.isEmpty() || select.getAsInt() >= 1, Setting.SELECT,
                "must be at least 1");
        intervalUs.ifPresent(us -> org.smarttunnel.common.options.Limits.requireInterval(us, Setting.INTERVAL));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults ({@link Defaults}). */
    public static final class Builder {
        private Optional<String> site = Optional.empty();
        private List<String> traces = List.of();
        private long binUs = Defaults.micros(Defaults.BIN);
        private OptionalLong intervalUs = OptionalLong.empty();
        private OptionalInt select = OptionalInt.empty();
        private Optional<Path> truth = Optional.empty();

        public Builder site(Optional<String> s) {
            site = s;
            return this;
        }

        public Builder traces(List<String> t) {
            traces = t;
            return this;
        }

        public Builder binUs(long b) {
            binUs = b;
            return this;
        }

        public Builder intervalUs(OptionalLong i) {
            intervalUs = i;
            return this;
        }

        public Builder select(OptionalInt s) {
            select = s;
            return this;
        }

        public Builder truth(Optional<Path> t) {
            truth = t;
            return this;
        }

        public CongestionOptions build() {
            return new CongestionOptions(site, traces, binUs, intervalUs, select, truth);
        }
    }
}
