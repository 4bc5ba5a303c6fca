package org.smarttunnel.fitting.model;

import java.util.function.Supplier;
import org.smarttunnel.ingest.trace.LossSequence;

/**
 * The losses a model is fitted on: the window's transition counts (for a prediction, pooled
 * interval by interval) and, for the models that need the order of every probe, its loss
 * sequence, cut only when first asked for.
 */
public final class LossWindow {
    private final TransitionCounts counts;
    private final Supplier<LossSequence> source;
    private LossSequence sequence;

    private LossWindow(TransitionCounts counts, Supplier<LossSequence> source) {
        this.counts = counts;
        this.source = source;
    }

    /** A window of one sequence. */
    public static LossWindow of(LossSequence s) {
        LossWindow w = new LossWindow(TransitionCounts.of(s), () -> s);
        w.sequence = s;
        return w;
    }

    /** A window whose counts are known and whose sequence {@code sequence} cuts when a model needs it. */
    public static LossWindow of(TransitionCounts counts, Supplier<LossSequence> sequence) {
        return new LossWindow(counts, sequence);
    }

    public TransitionCounts counts() {
        return counts;
    }

    /** The window's probes in order (not thread-safe: one window per fit). */
    public LossSequence sequence() {
        if (sequence == null) {
            sequence = source.get();
        }
        return sequence;
    }
}
