package org.smarttunnel.ingest.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;
import org.smarttunnel.ingest.trace.TraceInfo;

/** The fast CSV trace reader against commons-csv (the general reader) on valid and damaged files. */
class TraceCsvFastReaderTest {
    private static final TraceInfo INFO = new TraceInfo("t", "h", "s", "10.0.0.1", "10.0.0.2", "1");

    @TempDir
    Path dir;

    @Test
    void readsWhatTheWriterWritesAndDeclinesWhatItCannotBeSureOf() throws Exception {
        String plain = "index,seq,send_us,lost,rtt_us\n0,1,1700000000000000,0,2500\n1,2,1700000000002000,1,\n";
        Trace t = fast(plain).orElseThrow();
        assertArrayEquals(new int[] {1, 2}, t.seq());
        assertArrayEquals(new long[] {1700000000000000L, 1700000000002000L}, t.sendUs());
        assertTrue(t.loss().lost(1));
        assertTrue(fast(plain.replace("\n", "\r\n")).isPresent(), "CRLF");
        assertTrue(fast(plain.replace("\n1,", "\n\n1,")).isPresent(), "an empty line");
        assertTrue(fast(plain.substring(0, plain.length() - 1)).isPresent(), "no final line break");
        for (String declined : new String[] {plain.replace("0,1,17", "\"0\",1,17"), plain.replace(",2500", ",+2500"),
                plain.replace(",2500", ", 2500"), plain.replace("\n1,2", "\n2,2"), plain.replace(",0,2500", ",2,2500"),
                plain.replace(",2500", ",2500,"), plain.replace("\n", "\r"), plain.replace(",2500", ",2147483648"),
                "\uFEFF" + plain, ""}) {
            assertTrue(fast(declined).isEmpty(), declined);
        }
        String withOwd = "index,seq,send_us,lost,rtt_us,owd_us\n0,1,1700000000000000,0,2500,1200\n"
                + "1,2,1700000000002000,1,,\n2,3,1700000000004000,0,,-40\n3,4,1700000000006000,0,2600,\n";
        Trace o = fast(withOwd).orElseThrow();
        assertEquals(1200, o.owdUs(0));
        assertEquals(Probe.NO_OWD, o.owdUs(1));
        assertEquals(-40, o.owdUs(2));
        assertEquals(Probe.NO_OWD, o.owdUs(3));
        assertFalse(fast(plain).orElseThrow().hasOwd(), "a file from before one-way delays has none");
        for (String declined : new String[] {withOwd.replace(",1,,\n", ",1,,7\n"), withOwd.replace(",-40", ",-"),
                withOwd.replace(",-40", ",--40"), withOwd.replace(",1200", ",1200,")}) {
            assertTrue(fast(declined).isEmpty(), declined);
        }
    }

    /**
     * Random trace files, then random damage (a byte changed, inserted or removed, a cut): the
     * public reader — fast path or not — gives the same trace or the same error as commons-csv.
     */
    @Test
    void agreesWithTheGeneralReaderOnValidAndDamagedFiles() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        byte[] alphabet = "0123456789,\n\r\"- +a".getBytes(StandardCharsets.US_ASCII);
        int fastTaken = 0;
        for (int c = 0; c < 1500; c++) {
            boolean withOwd = c % 2 == 0;
            StringBuilder sb = new StringBuilder(withOwd ? "index,seq,send_us,lost,rtt_us,owd_us\n"
                    : "index,seq,send_us,lost,rtt_us\n");
            int rows = r.nextInt(c % 100 == 0 ? 5000 : 30);
            long send = 1_700_000_000_000_000L + r.nextInt(1000);
            for (int i = 0; i < rows; i++) {
                boolean lost = r.nextInt(10) == 0;
                sb.append(i).append(',').append(i + 1).append(',').append(send).append(',').append(lost ? 1 : 0)
                        .append(',').append(lost ? "" : Integer.toString(r.nextInt(300_000)));
                if (withOwd) {
                    sb.append(',').append(lost || r.nextInt(4) == 0 ? "" : Integer.toString(r.nextInt(-50_000, 300_000)));
                }
                sb.append('\n');
                send += 1 + r.nextInt(4000);
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.US_ASCII);
            if (c % 3 != 0 && bytes.length > 0) {
                bytes = damage(bytes, r, alphabet);
            }
            Path f = dir.resolve("t" + c + ".csv");
            Files.write(f, bytes);
            String want = outcome(() -> TraceDataset.readCsvGeneral(f, INFO));
            String got = outcome(() -> TraceDataset.read(f, INFO));
            assertEquals(want, got, "case " + c + ":\n" + new String(bytes, StandardCharsets.US_ASCII));
            if (TraceCsvFastReader.read(f, INFO, -1).isPresent()) {
                fastTaken++;
                // the index's probe count only sizes the columns: right, short or long, the same trace
                long claimed = switch (c % 4) {
                    case 0 -> rows;
                    case 1 -> Math.max(0, rows - 1 - r.nextInt(5));
                    case 2 -> rows + 1 + r.nextInt(50);
                    default -> 0;
                };
                assertEquals(want, outcome(() -> TraceCsvFastReader.read(f, INFO, claimed).orElseThrow()),
                        "case " + c + ", " + claimed + " probes claimed");
            }
        }
        assertTrue(fastTaken > 500, "the fast path reads most files: " + fastTaken);
    }

    private static byte[] damage(byte[] b, SplittableRandom r, byte[] alphabet) {
        int at = r.nextInt(b.length);
        byte x = alphabet[r.nextInt(alphabet.length)];
        switch (r.nextInt(4)) {
            case 0 -> {
                byte[] out = b.clone();
                out[at] = x;
                return out;
            }
            case 1 -> {
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = x;
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
            case 2 -> {
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            default -> {
                byte[] out = new byte[at];
                System.arraycopy(b, 0, out, 0, at);
                return out;
            }
        }
    }

    private interface Read {
        Trace read() throws Exception;
    }

    /** A trace as text (its columns) or the error message. */
    private static String outcome(Read read) {
        try {
            Trace t = read.read();
            return "seq " + java.util.Arrays.toString(t.seq()) + " send " + java.util.Arrays.toString(t.sendUs())
                    + " loss " + t.loss() + " rtt " + java.util.Arrays.toString(t.rttUs()) + " owd "
                    + java.util.Arrays.toString(t.owdUs());
        } catch (IngestException e) {
            return "error " + e.getMessage();
        } catch (Exception e) {
            return "failure " + e;
        }
    }

    private Optional<Trace> fast(String text) throws Exception {
        Path f = dir.resolve("fast.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return TraceCsvFastReader.read(f, INFO, -1);
    }
}
