package org.smarttunnel.ingest.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes JSON in the layout {@code irtt client -o} writes (irtt 0.9, json_format 1, four-space
 * indentation, lost as a string), from round trips given by their four wall-clock stamps.
 */
public final class IrttFile {
    /** One round trip: stamps in ns since the epoch ({@code -1}: absent), irtt's lost status. */
    public record Trip(long clientSend, long serverReceive, long serverSend, long clientReceive, String lost) {
        public static Trip received(long send, long up, long processing, long down) {
            return new Trip(send, send + up, send + up + processing, send + up + processing + down, "false");
        }

        public static Trip lost(long send, String how) {
            return new Trip(send, -1, -1, -1, how);
        }
    }

    private final List<Trip> trips = new ArrayList<>();
    private String local = "10.0.0.1:40000";
    private String remote = "192.0.2.7:2112";
    private String hostname = "lab";
    private int jsonFormat = 1;

    public IrttFile add(Trip t) {
        trips.add(t);
        return this;
    }

    public IrttFile addresses(String localAddress, String remoteAddress) {
        local = localAddress;
        remote = remoteAddress;
        return this;
    }

    public IrttFile hostname(String h) {
        hostname = h;
        return this;
    }

    public IrttFile jsonFormat(int f) {
        jsonFormat = f;
        return this;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("{\n    \"version\": {\n        \"irtt\": \"0.9.0\",\n        \"protocol\": 1,\n        \"json_format\": ")
                .append(jsonFormat).append("\n    },\n");
        b.append("    \"system_info\": {\n        \"os\": \"linux\",\n        \"cpus\": 2,\n        \"go_version\": "
                + "\"go1.19.8\",\n        \"hostname\": \"").append(hostname).append("\"\n    },\n");
        b.append("    \"config\": {\n        \"local_address\": \"").append(local).append("\",\n        \"remote_address\": \"")
                .append(remote).append("\",\n        \"params\": {\n            \"proto_version\": 1,\n            "
                        + "\"interval\": 2000000,\n            \"received_stats\": \"both\"\n        },\n        "
                        + "\"supplied\": {\n            \"local_address\": \":0\",\n            \"remote_address\": "
                        + "\"elsewhere\"\n        }\n    },\n");
        b.append("    \"stats\": {\n        \"packets_sent\": ").append(trips.size()).append("\n    },\n");
        b.append("    \"round_trips\": [");
        for (int i = 0; i < trips.size(); i++) {
            Trip t = trips.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("        {\n            \"seqno\": ").append(i).append(",\n            \"lost\": \"").append(t.lost())
                    .append("\",\n            \"timestamps\": {\n                \"client\": {\n                    "
                            + "\"receive\": ").append(stamp(t.clientReceive(), 20)).append(",\n                    "
                            + "\"send\": ").append(stamp(t.clientSend(), 20)).append("\n                },\n        "
                            + "        \"server\": {\n                    \"receive\": ").append(stamp(t.serverReceive(), 20))
                    .append(",\n                    \"send\": ").append(stamp(t.serverSend(), 20))
                    .append("\n                },\n                \"late\": false\n            },\n            \"delay\": ");
            List<String> delays = new ArrayList<>();
            if (t.clientReceive() >= 0) {
                long processing = t.serverSend() >= 0 ? t.serverSend() - t.serverReceive() : 0;
                delays.add("\"rtt\": " + (t.clientReceive() - t.clientSend() - processing));
            }
            if (t.serverReceive() >= 0 && t.clientReceive() >= 0) {
                delays.add("\"send\": " + (t.serverReceive() - t.clientSend()));
                delays.add("\"receive\": " + (t.clientReceive() - t.serverSend()));
            }
            b.append(delays.isEmpty() ? "{}" : "{\n                " + String.join(",\n                ", delays)
                    + "\n            }");
            b.append(",\n            \"ipdv\": {}\n        }");
        }
        b.append("\n    ]\n}\n");
        return b.toString();
    }

    private static String stamp(long wall, int indent) {
        if (wall < 0) {
            return "{}";
        }
        String pad = " ".repeat(indent + 4);
        return "{\n" + pad + "\"wall\": " + wall + ",\n" + pad + "\"monotonic\": " + (wall % 1_000_000_000_000L) + "\n"
                + " ".repeat(indent) + "}";
    }

    public Path write(Path file) {
        try {
            byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
