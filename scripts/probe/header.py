import json, subprocess, glob, os, re, sys
from collections import Counter
BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
path = sys.argv[1]   # e.g. address.street1 | name
variants = [l.rstrip('\n') for l in open(sys.argv[2]) if l.strip()]
renders = sys.argv[3].split(',') if len(sys.argv) > 3 else ['markitdown_html.md', 'docling_html.md', 'pymupdf4llm.md']
def get(o, path):
    for k in path.split('.'): o = (o or {}).get(k)
    return o
tot = ok = 0; bad = []
for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
    t = json.load(open(d + 'truth.json'))
    if len(t['reporting_owners']) != 1: continue
    old = get(t['reporting_owners'][0], path)
    if not old or len(old) < 6: continue
    for r in renders:
        p = d + r
        if not os.path.exists(p): continue
        src = open(p).read()
        if src.count(old) != 1: continue
        bj = json.loads(subprocess.run([BIN, 'parse', p], capture_output=True, text=True).stdout)
        if not bj['reporting_owners'] or get(bj['reporting_owners'][0], path) != old: continue
        for v in variants:
            open('/tmp/p14x.%d.md' % os.getpid(), 'w').write(src.replace(old, v))
            j = json.loads(subprocess.run([BIN, 'parse', '/tmp/p14x.%d.md' % os.getpid()], capture_output=True, text=True).stdout)
            tot += 1
            got = get(j['reporting_owners'][0], path) if j['reporting_owners'] else None
            rest_b = json.dumps({k: v2 for k, v2 in bj.items() if k not in ('diagnostics', 'reporting_owners')}, sort_keys=True)
            rest_j = json.dumps({k: v2 for k, v2 in j.items() if k not in ('diagnostics', 'reporting_owners')}, sort_keys=True)
            if got == v and rest_b == rest_j: ok += 1
            else: bad.append((os.path.basename(d[:-1])[:25], r[:8], v, got, rest_b == rest_j))
print(f'{ok}/{tot}'); print(Counter((b[2], b[3] is None, b[4]) for b in bad))
for b in bad[:int(os.environ.get('N', '20'))]: print(b)
