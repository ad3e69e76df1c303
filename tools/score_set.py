#!/usr/bin/env python3
"""Scores the CLI on whole sets of articles with hand-made answers (tests/devset, tests/heldout,
tests/realtext): runs `lectern analyze NAME.txt --json` on each NAME.txt that has a NAME.gold.json
beside it, scores it with tests/devset/score.py and prints each set's average.

usage: tools/score_set.py [--cli build/native/src/cli/lectern] [--each] [--only NAMES_FILE] DIR...
  --each   also print every article's scores
  --only   score only the articles named (one per line) in NAMES_FILE
"""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
cli = os.path.join(ROOT, 'build/native/src/cli/lectern')
each, only, dirs = False, None, []
while args:
    a = args.pop(0)
    if a == '--cli': cli = args.pop(0)
    elif a == '--each': each = True
    elif a == '--only': only = set(open(args.pop(0)).read().split())
    else: dirs.append(a)
keys = ('f1', 'typed_f1', 'quote_f1', 'speaker_acc')
for d in dirs:
    names = sorted(n[:-4] for n in os.listdir(d) if n.endswith('.txt')
                   and os.path.exists(os.path.join(d, n[:-4] + '.gold.json')))
    if only is not None: names = [n for n in names if n in only]
    rows = []
    for n in names:
        pred = subprocess.run([cli, 'analyze', os.path.join(d, n + '.txt'), '--json'], capture_output=True, check=True).stdout
        path = '/tmp/score_set_%d.json' % os.getpid()
        open(path, 'wb').write(pred)
        out = json.loads(subprocess.run([sys.executable, os.path.join(ROOT, 'tests/devset/score.py'),
                                         os.path.join(d, n + '.gold.json'), path, '--json'],
                                        capture_output=True, check=True).stdout)
        os.remove(path)
        e, q = out['entity'], out['quote']
        row = (e['f1'], e['typed_f1'], q['f1'], q['speaker_acc'])
        rows.append(row)
        if each:
            print('  %-40s ent %.3f typed %.3f quote %.3f spk %.3f  missed %s spurious %s' %
                  ((n,) + row + (e['missed'], e['spurious'])))
    avg = [sum(r[i] for r in rows) / max(1, len(rows)) for i in range(4)]
    print('%-20s %2d articles: entity %.3f typed %.3f quote %.3f speaker %.3f' % ((d, len(rows)) + tuple(avg)))
