package org.smarttunnel.ingest.probe;

/** A run of a path: who probes, whom, under which ICMP echo identifier. */
public record RunKey(Address requester, Address target, int ident) {
}
