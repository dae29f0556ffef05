# Probe: replace one field's text (as printed in clean renderings' cells) with variants and
# check the parser reads the variant and leaves every other value unchanged.
import json, subprocess, sys, glob, os, re
from collections import Counter
BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
field, table = sys.argv[1], sys.argv[2]          # e.g. nature_of_ownership non_derivative_table
variants = [l.rstrip('\n') for l in open(sys.argv[3]) if l.strip()]
renders = sys.argv[4].split(',') if len(sys.argv) > 4 else ['markitdown_html.md', 'docling_html.md']
tot = ok = 0; bad = []
def strip(rows, f):
    return [{k: x[k] for k in x if k not in (f, 'underlying_security_title', 'security_title' if f == 'underlying_security_title' else '')} for x in rows]
for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
    t = json.load(open(d + 'truth.json'))
    vals = {r.get(field) for r in (t.get(table) or []) if r.get(field)}
    if len(vals) != 1: continue
    old = vals.pop()
    for r in renders:
        p = d + r
        if not os.path.exists(p): continue
        src = open(p).read()
        pat = re.compile(r'(\|\s*)' + re.escape(old) + r'(\s*(?:<sup>\(\d+\)</sup>|\(\d+\))?\s*\|)')
        if not pat.search(src): continue
        bj = json.loads(subprocess.run([BIN, 'parse', p], capture_output=True, text=True).stdout)
        if [x.get(field) for x in bj[table]] != [x.get(field) for x in t[table]]: continue
        for v in variants:
            s2 = pat.sub(lambda m: m.group(1) + v + m.group(2), src)
            open('/tmp/p14x.%d.md' % os.getpid(), 'w').write(s2)
            j = json.loads(subprocess.run([BIN, 'parse', '/tmp/p14x.%d.md' % os.getpid()], capture_output=True, text=True).stdout)
            tot += 1
            got = [x.get(field) for x in j[table]]
            want = [v if x.get(field) == old else x.get(field) for x in bj[table]]
            same = strip(j['non_derivative_table'], field) == strip(bj['non_derivative_table'], field) and \
                   strip(j['derivative_table'], field) == strip(bj['derivative_table'], field)
            if got == want and same: ok += 1
            else: bad.append((os.path.basename(d[:-1])[:28], r[:8], v, got[:2], same))
print(f"{ok}/{tot} ok")
print(Counter((b[2], b[4]) for b in bad))
for b in bad[:int(os.environ.get('N', '20'))]: print(b)
