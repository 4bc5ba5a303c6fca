package org.smarttunnel.eval.experiment;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smarttunnel.common.io.AtomicFiles;
import org.smarttunnel.common.options.InvalidSettingException;
import org.smarttunnel.common.options.Setting;
import org.smarttunnel.common.table.CsvTables;
import org.smarttunnel.ingest.IngestException;
import org.smarttunnel.replay.run.ReplayRunner;

/**
 * A share of an evaluation's tunnels: shard i of n replays the tunnels whose index (in the order
 * of {@code combinations.csv}) is i - 1 modulo n, and keeps per tunnel its replay.csv rows as text,
 * its exact samples and its coarse-probing counts in {@code shard.bin}, with what identifies the
 * run (its settings, the dataset's digest, the tunnels drawn). The shards of one run together
 * hold every tunnel once; {@link #journal} turns them into the journal a run interrupted after
 * its last tunnel would leave, so that the run resumed there writes the files of a single run,
 * byte for byte.
 *
 * @param index from 1
 * @param count the shards in all
 */
public record Shard(int index, int count) {
    public static final String FILE = "shard.bin";
    private static final String MAGIC = "smarttunnel evaluate shard 1";

    public Shard {
        InvalidSettingException.require(count >= 1 && index >= 1 && index <= count, Setting.SHARD,
                "must be i/n with 1 <= i <= n, not " + index + "/" + count);
    }

    /** "2/4". */
    public static Shard parse(String text) {
        String[] p = text.trim().split("/", -1);
        try {
            if (p.length == 2) {
                return new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidSettingException(Setting.SHARD, "must be i/n (shard i of n, from 1), not '" + text + "'");
    }

    /** Whether tunnel {@code t} (from 0) is this shard's. */
    public boolean owns(int t) {
        return t % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** One tunnel of a shard. */
    record Entry(int tunnel, String rows, List<Tables.Sample> samples, ReplayRunner.Coarse coarse) {
        static Entry of(int tunnel, Experiment.Finished f) throws IOException {
            StringWriter text = new StringWriter();
            try (CsvTables.Sink<ExperimentRow> sink = CsvTables.sink(text, ExperimentRow.TABLE, false)) {
                for (ExperimentRow r : f.rows()) {
                    sink.add(r);
                }
            }
            return new Entry(tunnel, text.toString(), f.samples(), f.coarse());
        }
    }

    /** What a shard file holds. */
    record Contents(Shard shard, Map<String, String> identity, int tunnels, List<Entry> entries) {
    }

    /** Writes the shard's file into {@code out}, whole or not at all. */
    void write(Path out, Map<String, String> identity, int tunnels, List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeUTF(MAGIC);
        d.writeInt(index);
        d.writeInt(count);
        d.writeInt(tunnels);
        d.writeInt(identity.size());
        for (Map.Entry<String, String> e : identity.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeUTF(e.getValue());
        }
        d.writeInt(entries.size());
        for (Entry e : entries) {
            d.writeInt(e.tunnel());
            byte[] rows = e.rows().getBytes(StandardCharsets.UTF_8);
            d.writeInt(rows.length);
            d.write(rows);
            byte[] batch = Journal.encode(new Journal.Batch(1, 0, e.coarse(), e.samples()));
            d.writeInt(batch.length);
            d.write(batch);
        }
        d.flush();
        Path file = out.resolve(FILE);
        Path tmp = AtomicFiles.temporary(file);
        try {
            Files.write(tmp, bytes.toByteArray());
            AtomicFiles.move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a shard's file in {@code dir}; a damaged or foreign file is an error naming it. */
    public static Contents read(Path dir) throws IOException, IngestException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw IngestException.inFile(file.toString(), "no shard here (evaluate --shard i/n writes one)");
        }
        byte[] all = Files.readAllBytes(file);
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw IngestException.atOffset(file.toString(), 0, "not a shard of an evaluation");
            }
            Shard s = new Shard(in.readInt(), in.readInt());
            int tunnels = in.readInt();
            int settings = in.readInt();
            Map<String, String> identity = new LinkedHashMap<>();
            for (int i = 0; i < settings; i++) {
                identity.put(in.readUTF(), in.readUTF());
            }
            int n = in.readInt();
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int tunnel = in.readInt();
                byte[] rows = new byte[in.readInt()];
                in.readFully(rows);
                byte[] batch = new byte[in.readInt()];
                in.readFully(batch);
                Journal.Batch b = Journal.decode(batch);
                if (b == null) {
                    throw IngestException.inFile(file.toString(), "tunnel " + tunnel + "'s samples are damaged");
                }
                entries.add(new Entry(tunnel, new String(rows, StandardCharsets.UTF_8), b.samples(), b.coarse()));
            }
            return new Contents(s, identity, tunnels, entries);
        } catch (java.io.EOFException | InvalidSettingException e) {
            throw IngestException.inFile(file.toString(), "cut short or damaged");
        }
    }

    /**
     * Checks that the shards are the n shards of one run, each once, together every tunnel once,
     * and writes into {@code out} the journal of that run with every tunnel finished; returns
     * the run's identity (its settings, the dataset and the tunnels drawn).
     */
    public static Map<String, String> journal(List<Path> dirs, Path out) throws IOException, IngestException {
        List<Contents> shards = new ArrayList<>();
        for (Path d : dirs) {
            shards.add(read(d));
        }
        Contents first = shards.get(0);
        int n = first.shard().count();
        boolean[] seen = new boolean[n];
        for (int i = 0; i < shards.size(); i++) {
            Contents c = shards.get(i);
            String where = dirs.get(i).resolve(FILE).toString();
            if (!c.identity().equals(first.identity()) || c.tunnels() != first.tunnels()
                    || c.shard().count() != n) {
                throw IngestException.inFile(where, "a shard of another run than " + dirs.get(0)
                        + "'s (settings, dataset, tunnels drawn or shard count differ)");
            }
            if (seen[c.shard().index() - 1]) {
                throw IngestException.inFile(where, "shard " + c.shard() + " given twice");
            }
            seen[c.shard().index() - 1] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                missing.add((i + 1) + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw IngestException.inFile(dirs.get(0).toString(), "shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " missing");
        }
        Entry[] byTunnel = new Entry[first.tunnels()];
        for (Contents c : shards) {
            for (Entry e : c.entries()) {
                if (e.tunnel() < 0 || e.tunnel() >= byTunnel.length || byTunnel[e.tunnel()] != null
                        || !c.shard().owns(e.tunnel())) {
                    throw IngestException.inFile(dirs.get(shards.indexOf(c)).resolve(FILE).toString(),
                            "tunnel " + e.tunnel() + " is not this shard's, or is twice");
                }
                byTunnel[e.tunnel()] = e;
            }
        }
        StringWriter header = new StringWriter();
        CsvTables.sink(header, ExperimentRow.TABLE, true).close();
        StringBuilder csv = new StringBuilder(header.toString());
        List<Tables.Sample> samples = new ArrayList<>();
        ReplayRunner.Coarse coarse = new ReplayRunner.Coarse(0, 0, 0);
        for (int t = 0; t < byTunnel.length; t++) {
            if (byTunnel[t] == null) {
                throw IngestException.inFile(dirs.get(0).toString(), "tunnel " + t + " is in no shard");
            }
            csv.append(byTunnel[t].rows());
            samples.addAll(byTunnel[t].samples());
            coarse = coarse.plus(byTunnel[t].coarse());
        }
        Journal.assemble(out, first.identity(), csv.toString(), byTunnel.length, coarse, samples);
        return first.identity();
    }
}
