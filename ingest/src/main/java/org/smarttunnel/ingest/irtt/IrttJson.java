package org.smarttunnel.ingest.irtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.smarttunnel.ingest.Diagnostic;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.log.SkippedLines;

/**
 * Reads irtt's JSON output ({@code irtt client -o FILE}, json_format 1) with a streaming
 * parser, keeping only what traces need. A round trip whose fields are missing or of the wrong
 * kind is left out with a warning naming its line; the JSON ending early or turning invalid
 * inside {@code round_trips} (a file cut short) keeps the round trips before it with a warning;
 * anywhere else it is an error naming the line.
 */
final class IrttJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 16)
                    .maxNumberLength(40).build())
            .build();
    private static final int SUPPORTED_FORMAT = 1;

    private final String name;
    private final List<Diagnostic> diagnostics;
    private final SkippedLines skipped;
    private JsonParser p;

    private IrttJson(String name, List<Diagnostic> diagnostics) {
        this.name = name;
        this.diagnostics = diagnostics;
        this.skipped = new SkippedLines(name, diagnostics, "round trip left out", "round trips left out");
    }

    static IrttRun parse(InputStream in, String name, List<Diagnostic> diagnostics) throws IOException, IngestException {
        return new IrttJson(name, diagnostics).parse(in);
    }

    private long line() {
        return p.currentLocation().getLineNr();
    }

    private IrttRun parse(InputStream in) throws IOException, IngestException {
        IrttRun run = new IrttRun();
        boolean sawTrips = false;
        try (JsonParser parser = JSON.createParser(in)) {
            p = parser;
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw IngestException.atLine(name, line(), "not irtt's JSON output (no object at the start)");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "version" -> version(t);
                        case "system_info" -> systemInfo(t, run);
                        case "config" -> config(t, run);
                        case "round_trips" -> {
                            expect(t, JsonToken.START_ARRAY, "round_trips");
                            sawTrips = true;
                            roundTrips(run);
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (JsonProcessingException e) {
                long at = e.getLocation() == null ? line() : e.getLocation().getLineNr();
                String reason = reason(e);
                if (!sawTrips || run.size == 0) {
                    throw IngestException.atLine(name, at, "not valid JSON: " + reason);
                }
                diagnostics.add(Diagnostic.warningAtLine(name, at, "the JSON ends or turns invalid here (" + reason
                        + "); the " + run.size + " round trips before it are kept"));
            }
        }
        skipped.finish();
        if (!sawTrips) {
            throw IngestException.inFile(name, "irtt's JSON output without round_trips (irtt writes them unless the "
                    + "test never started)");
        }
        return run;
    }

    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "malformed";
        }
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    private void expect(JsonToken t, JsonToken want, String what) throws IngestException, IOException {
        if (t != want) {
            throw IngestException.atLine(name, line(), what + " is not " + (want == JsonToken.START_ARRAY ? "an array"
                    : "an object"));
        }
    }

    private void version(JsonToken t) throws IOException, IngestException {
        expect(t, JsonToken.START_OBJECT, "version");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("json_format") && v == JsonToken.VALUE_NUMBER_INT && p.getLongValue() != SUPPORTED_FORMAT) {
                throw IngestException.atLine(name, line(), "irtt json_format " + p.getText() + " is not supported (the "
                        + "reader knows format " + SUPPORTED_FORMAT + ", irtt 0.9)");
            }
            p.skipChildren();
        }
    }

    private void systemInfo(JsonToken t, IrttRun run) throws IOException, IngestException {
        expect(t, JsonToken.START_OBJECT, "system_info");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("hostname") && v == JsonToken.VALUE_STRING) {
                run.hostname = p.getText();
            }
            p.skipChildren();
        }
    }

    private void config(JsonToken t, IrttRun run) throws IOException, IngestException {
        expect(t, JsonToken.START_OBJECT, "config");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("local_address") && v == JsonToken.VALUE_STRING) {
                run.localAddress = p.getText();
            } else if (field.equals("remote_address") && v == JsonToken.VALUE_STRING) {
                run.remoteAddress = p.getText();
            } else if (field.equals("params") && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String param = p.currentName();
                    JsonToken pv = p.nextToken();
                    if (param.equals("interval") && pv == JsonToken.VALUE_NUMBER_INT) {
                        run.intervalNs = p.getLongValue();
                    }
                    p.skipChildren();
                }
                continue;
            }
            p.skipChildren();
        }
    }

    private void roundTrips(IrttRun run) throws IOException, IngestException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long at = line();
            if (t != JsonToken.START_OBJECT) {
                skipped.skip(at, "a round trip that is not an object");
                p.skipChildren();
                continue;
            }
            String bad = roundTrip(run, at);
            if (bad != null) {
                skipped.skip(at, bad);
            }
        }
    }

    /** The first field of the wrong kind in the round trip being read, or null. */
    private String bad;

    /** Reads one round trip's object to its end; null when it was added, else why it was left out. */
    private String roundTrip(IrttRun run, long at) throws IOException {
        bad = null;
        long seqno = IrttRun.NONE;
        IrttRun.Lost lost = null;
        long[] client = {IrttRun.NONE, IrttRun.NONE};
        long[] server = {IrttRun.NONE, IrttRun.NONE};
        long rtt = IrttRun.NONE;
        long up = IrttRun.NONE;
        long down = IrttRun.NONE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "seqno" -> {
                    seqno = number(v);
                    if (seqno < 0 && seqno != IrttRun.NONE && bad == null) {
                        bad = "seqno is negative";
                    }
                }
                case "lost" -> {
                    lost = v == JsonToken.VALUE_FALSE ? IrttRun.Lost.FALSE : v == JsonToken.VALUE_TRUE ? IrttRun.Lost.TRUE
                            : v == JsonToken.VALUE_STRING ? IrttRun.Lost.of(p.getText()) : null;
                    if (lost == null && bad == null) {
                        bad = "lost is not one of false, true, true_down, true_up";
                    }
                }
                case "timestamps" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String side = p.currentName();
                        JsonToken sv = p.nextToken();
                        if (side.equals("client") && sv == JsonToken.START_OBJECT) {
                            stamps(client);
                        } else if (side.equals("server") && sv == JsonToken.START_OBJECT) {
                            stamps(server);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "delay" -> {
                    if (v != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        break;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String d = p.currentName();
                        JsonToken dv = p.nextToken();
                        switch (d) {
                            case "rtt" -> rtt = delay(dv);
                            case "send" -> up = delay(dv);
                            case "receive" -> down = delay(dv);
                            default -> p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (bad != null) {
            return bad;
        }
        if (seqno == IrttRun.NONE || lost == null) {
            return "a round trip without " + (seqno == IrttRun.NONE ? "seqno" : "lost");
        }
        if (client[1] == IrttRun.NONE || client[1] <= 0) {
            return "round trip " + seqno + " has no client send time (wall clock)";
        }
        if (lost == IrttRun.Lost.FALSE && (rtt == IrttRun.NONE || rtt < 0)) {
            return "round trip " + seqno + " was received but has no round-trip time";
        }
        run.add(seqno, lost, client[1], server[1], rtt, up, down, at);
        return null;
    }

    /** {receive: {wall, monotonic}, send: {wall, monotonic}} into {receive wall, send wall}. */
    private void stamps(long[] walls) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String which = p.currentName();
            JsonToken v = p.nextToken();
            int slot = which.equals("receive") ? 0 : which.equals("send") ? 1 : -1;
            if (slot < 0 || v != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String clock = p.currentName();
                JsonToken cv = p.nextToken();
                if (clock.equals("wall")) {
                    walls[slot] = number(cv);
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private long delay(JsonToken v) throws IOException {
        return number(v);
    }

    /** A whole number, or NONE with the round trip marked bad (a value of another kind is read past). */
    private long number(JsonToken v) throws IOException {
        String field = p.currentName();
        if (v == JsonToken.VALUE_NULL) {
            return IrttRun.NONE;
        }
        if (v != JsonToken.VALUE_NUMBER_INT) {
            p.skipChildren();
            if (bad == null) {
                bad = "'" + field + "' is not a whole number";
            }
            return IrttRun.NONE;
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            if (bad == null) {
                bad = "'" + field + "' is out of range";
            }
            return IrttRun.NONE;
        }
        return p.getLongValue();
    }
}
