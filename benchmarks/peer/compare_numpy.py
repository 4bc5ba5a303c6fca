#!/usr/bin/env python3
"""smarttunnel evaluate side by side with a NumPy script doing the same work.

Generates a CSV trace dataset (simulate + import, no --compact), writes every tunnel of N
paths among its hosts for each N of --paths, and runs on it, one after the other, each as
a whole process:

  smarttunnel evaluate --tunnels ... --modes oracle --allocators rr,greedy --threads 1
                       --delays off --align interval
  python3 PEER --data ... --combinations <evaluate's combinations.csv> --redundancy ...

(the peer cuts every trace from its own first send and computes loss only, hence
interval alignment and no time metrics on our side). It checks that the per-interval rows
agree (groups, failed groups, data sent and lost, loss-free) and prints wall time, peak
resident memory and the ratio. The peer is not part of this project: --peer names it
(default ../shared/peers/np_eval.py from the repository root); without NumPy or the
peer, its side is skipped with a message. Only the standard library is used here.

Usage: benchmarks/peer/compare_numpy.py [--hosts 28] [--paths 2,3] [--redundancy 7,10,14]
           [--peer FILE] [--work DIR] [--repeat 3]
"""
import argparse
import csv
import itertools
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, 'smarttunnel')


def run(cmd):
    """Runs cmd to completion (untimed), exiting with its output when it fails."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit('compare_numpy: failed (%d): %s\n%s%s' % (p.returncode, ' '.join(cmd), p.stdout, p.stderr))


def measured(cmd):
    """
    Wall time and peak RSS (MiB) of cmd, run inside a fresh helper process: the peak RSS of
    children is the largest of any child so far, so only a fresh parent sees this one's own.
    """
    helper = ('import resource,subprocess,sys,time\n'
              't=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,'
              'stderr=subprocess.PIPE,text=True);t=time.perf_counter()-t\n'
              'sys.stderr.write(r.stderr) if r.returncode else None\n'
              'print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024.0, r.returncode)')
    p = subprocess.run([sys.executable, '-c', helper] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    seconds, rss, code = p.stdout.split()
    if int(code) != 0:
        sys.exit('compare_numpy: failed (%s): %s\n%s' % (code, ' '.join(cmd), p.stderr))
    return float(seconds), float(rss)


def rows(path, key_fields, value_fields):
    out = {}
    with open(path, newline='') as f:
        for r in csv.DictReader(f):
            out[tuple(r[k] for k in key_fields)] = tuple(r[v] for v in value_fields)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--hosts', type=int, default=28)
    ap.add_argument('--paths', default='2,3')
    ap.add_argument('--redundancy', default='7,10,14')
    ap.add_argument('--peer', default=os.path.join(os.path.dirname(ROOT), 'shared', 'peers', 'np_eval.py'))
    ap.add_argument('--work')
    ap.add_argument('--repeat', type=int, default=3, help='timed runs per side; the median is printed')
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix='smarttunnel-numpy-')
    os.makedirs(work, exist_ok=True)
    try:
        cap, data = os.path.join(work, 'captures'), os.path.join(work, 'data')
        if not os.path.exists(os.path.join(data, 'index.csv')):
            print('generating %d hosts x 400 s at 2 ms (CSV dataset) in %s ...' % (a.hosts, work), flush=True)
            run([LAUNCHER, 'simulate', '--hosts', str(a.hosts), '--sites', '1', '--duration', '400s',
                 '--reply-only', '--seed', '1', '--out', cap])
            pcaps = sorted(os.path.join(cap, f) for f in os.listdir(cap) if f.endswith('.pcap'))
            run([LAUNCHER, 'import', '--out', data] + pcaps)
        with open(os.path.join(data, 'index.csv'), newline='') as f:
            index = sorted(csv.DictReader(f), key=lambda r: r['host'])
        tunnels = os.path.join(work, 'tunnels.csv')
        count = 0
        with open(tunnels, 'w') as f:
            f.write('tunnel,trace\n')
            for n in (int(x) for x in a.paths.split(',')):
                for combo in itertools.combinations([r['trace'] for r in index], n):
                    for t in combo:
                        f.write('%d,%s\n' % (count, t))
                    count += 1
        ours_out = os.path.join(work, 'smarttunnel')
        ours = [LAUNCHER, 'evaluate', '--data', data, '--tunnels', tunnels, '--redundancy', a.redundancy,
                '--modes', 'oracle', '--allocators', 'rr,greedy', '--threads', '1', '--delays', 'off',
                '--align', 'interval', '--quiet', '--out', ours_out]
        run([LAUNCHER, '--version'])  # builds the jar first if needed, outside the timing
        print('%d tunnels of %s paths, K %s' % (count, a.paths, a.redundancy), flush=True)
        ours_times = sorted(measured(ours) for _ in range(a.repeat))
        ours_t, ours_rss = ours_times[len(ours_times) // 2]
        key = ('n_paths', 'k', 'g', 'run', 'allocator', 'interval')
        value = ('traces', 'groups', 'failed_groups', 'data_sent', 'data_lost', 'loss_free')
        ours_rows = rows(os.path.join(ours_out, 'replay.csv'), key, value)
        print('smarttunnel  %8.2f s  %7.0f MiB  %d interval replays' % (ours_t, ours_rss, len(ours_rows)))
        numpy_ok = subprocess.run([sys.executable, '-c', 'import numpy'], capture_output=True).returncode == 0
        if not os.path.isfile(a.peer):
            print('NumPy peer skipped: no script at %s (--peer FILE names it)' % a.peer)
            return
        if not numpy_ok:
            print('NumPy peer skipped: NumPy is not installed (pip install numpy)')
            return
        peer_out = os.path.join(work, 'numpy.csv')
        peer = [sys.executable, a.peer, '--data', data, '--combinations', os.path.join(ours_out, 'combinations.csv'),
                '--redundancy', a.redundancy, '--allocators', 'rr,greedy', '--out', peer_out]
        peer_times = sorted(measured(peer) for _ in range(a.repeat))
        peer_t, peer_rss = peer_times[len(peer_times) // 2]
        peer_rows = rows(peer_out, key, value)
        print('NumPy peer   %8.2f s  %7.0f MiB  %d interval replays' % (peer_t, peer_rss, len(peer_rows)))
        differ = sum(1 for k, v in peer_rows.items() if ours_rows.get(k) != v)
        print('rows: %s' % ('identical' if differ == 0 and len(peer_rows) == len(ours_rows)
                            else '%d of %d differ' % (differ, len(peer_rows))))
        print('smarttunnel is %.2fx the speed of the NumPy peer (>1: faster)' % (peer_t / ours_t))
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
