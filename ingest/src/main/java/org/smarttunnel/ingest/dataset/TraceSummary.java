package org.smarttunnel.ingest.dataset;

import org.smarttunnel.ingest.trace.TraceInfo;

/** One row of {@code index.csv}: a trace, where its probes are, and its totals. */
public record TraceSummary(TraceInfo info, String file, long probes, long lost, long firstSendUs, long lastSendUs) {

    public static final String HEADER =
            "trace,file,host,site,src,dst,ident,probes,lost,loss_rate,first_send_us,last_send_us";

    public String id() {
        return info.id();
    }

    public double lossRate() {
        return probes == 0 ? Double.NaN : (double) lost / probes;
    }

    String toCsv() {
        return Csv.row(info.id(), file, info.host(), info.site(), info.src(), info.dst(), info.ident(), probes, lost,
                Csv.rate(lost, probes), firstSendUs, lastSendUs);
    }

    /** Whether {@code other} is the same measurement (re-importing a file must not duplicate it). */
    public boolean sameMeasurement(TraceSummary other) {
        return info.host().equals(other.info.host()) && info.site().equals(other.info.site())
                && info.src().equals(other.info.src()) && info.dst().equals(other.info.dst())
                && info.ident().equals(other.info.ident()) && probes == other.probes && lost == other.lost
                && firstSendUs == other.firstSendUs && lastSendUs == other.lastSendUs;
    }
}
