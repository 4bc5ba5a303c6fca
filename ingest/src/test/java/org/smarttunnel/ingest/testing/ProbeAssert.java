package org.smarttunnel.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.smarttunnel.ingest.trace.Probe;
import org.smarttunnel.ingest.trace.Trace;

/** Compares probe lists and reports the first difference, not a million-element dump. */
public final class ProbeAssert {
    private ProbeAssert() {
    }

    public static void assertProbes(List<Probe> expected, Trace actual) {
        assertProbes(expected, InMemoryImport.probes(actual), actual.id());
    }

    public static void assertProbes(List<Probe> expected, List<Probe> actual, String what) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(what + ": probe " + i + " differs: expected " + expected.get(i) + " but was " + actual.get(i)
                        + (i + 1 < n ? "; next expected " + expected.get(i + 1) + ", was " + actual.get(i + 1) : ""));
            }
        }
        if (expected.size() != actual.size()) {
            fail(what + ": expected " + expected.size() + " probes but was " + actual.size() + "; first extra: "
                    + (expected.size() > n ? expected.get(n) : actual.get(n)));
        }
    }

    /** Traces equal probe by probe, with ids and addresses. */
    public static void assertSameTraces(List<Trace> expected, List<Trace> actual, String what) {
        if (expected.size() != actual.size()) {
            fail(what + ": " + expected.size() + " traces expected, " + actual.size() + " found");
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).info().equals(actual.get(i).info())) {
                fail(what + ": trace " + i + " is " + actual.get(i).info() + ", expected " + expected.get(i).info());
            }
            assertProbes(InMemoryImport.probes(expected.get(i)), InMemoryImport.probes(actual.get(i)),
                    what + " " + expected.get(i).id());
        }
    }
}
