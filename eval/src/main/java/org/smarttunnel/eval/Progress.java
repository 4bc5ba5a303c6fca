package org.smarttunnel.eval;

import java.io.PrintWriter;
import java.util.Locale;
import org.smarttunnel.common.text.Durations;

/**
 * Progress of a long job on the terminal: a bar redrawn in place (at most five times a
 * second) when the output is a terminal, otherwise a plain line at every tenth of the work.
 * Thread-safe; what it prints never goes into results.
 */
public final class Progress {
    private static final long REDRAW_NS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final String unit;
    private long total;
    private long done;
    private long resumed;
    private long startNs;
    private long lastDrawNs;
    private int lastTenth = -1;

    public Progress(PrintWriter out, boolean terminal, String unit) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
    }

    /** Prints nothing. */
    public static Progress silent() {
        return new Progress(null, false, "");
    }

    public synchronized void start(long totalWork) {
        start(totalWork, 0);
    }

    /**
     * Starts with {@code resumedWork} units done by an earlier, interrupted run: said on a line
     * of its own, then counted as done and shown as resumed (the time left is judged from this
     * run's pace only).
     */
    public synchronized void start(long totalWork, long resumedWork) {
        total = totalWork;
        done = resumedWork;
        resumed = resumedWork;
        startNs = System.nanoTime();
        lastTenth = -1;
        if (out != null && resumedWork > 0) {
            out.println("resuming: " + resumedWork + " of " + total + " " + unit + " were done before the run was "
                    + "interrupted");
            out.flush();
        }
        draw(true);
    }

    public synchronized void step() {
        done++;
        draw(done == total);
    }

    /** Ends the bar's line. */
    public synchronized void finish() {
        if (out != null && terminal) {
            out.println();
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (!force && now - lastDrawNs < REDRAW_NS) {
                return;
            }
            lastDrawNs = now;
            int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
            out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status(now) + "   ");
            out.flush();
        } else {
            int tenth = total == 0 ? 10 : (int) (10 * done / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(status(now));
                out.flush();
            }
        }
    }

    private String status(long now) {
        double elapsed = (now - startNs) / 1e9;
        String s = String.format(Locale.ROOT, "%3d%% %d/%d %s%s, %s elapsed", total == 0 ? 100 : 100 * done / total,
                done, total, unit, resumed > 0 ? " (" + resumed + " resumed)" : "", Durations.human(elapsed));
        if (done > resumed && done < total) {
            s += ", ~" + Durations.human(elapsed * (total - done) / (done - resumed)) + " left";
        }
        return s;
    }
}
