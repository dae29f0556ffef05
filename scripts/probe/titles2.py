import json, subprocess, sys, glob, os, re
BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
renders = ['markitdown_html.md', 'docling_html.md', 'pymupdf4llm.md']
variants = [
 "Common Stock, par value $0.01",
 "Common Stock, par value $.01 per share",
 "Ordinary Shares, nominal value NIS 0.01",
 "Common Stock, $.0001 par value",
 "Common Stock 2",
 "Series 2 Preferred Stock",
 "Class A-1 Units",
 "Common Stock (NASDAQ: ACME)",
#
 "Class A Common Stock, par value $0.001 per share",
 "Common Stock, Series 2021-A",
 "2019 Performance Share Units",
 "6.75% Senior Notes due 2027",
 "American Depositary Shares",
 "Series B-2 Preferred Stock",
 "Common Stock (Restricted)",
 "Ordinary Shares, nominal value 0.01",
 "Common Shares of Beneficial Interest",
 "Limited Partnership Units",
 "Common Stock - 2020 Grant",
 "RSU (2022 Award)",
 "Class C Capital Stock",
 "Units",
]
tot = ok = 0
bad = []
for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
    t = json.load(open(d + 'truth.json'))
    rows = t.get('non_derivative_table') or []
    if not rows or any(r['security_title'] != 'Common Stock' for r in rows):
        continue
    for r in renders:
        p = d + r
        if not os.path.exists(p): continue
        src = open(p).read()
        base = subprocess.run([BIN, 'parse', p], capture_output=True, text=True)
        bj = json.loads(base.stdout)
        bt = [x['security_title'] for x in bj['non_derivative_table']]
        if bt.count('Common Stock') != len(rows):
            continue  # only docs the parser reads right already
        for v in variants:
            # only in Table I rows: cells holding exactly 'Common Stock'
            s2 = re.sub(r'(\|\s*)Common Stock(\s*\|)', lambda m: m.group(1) + v + m.group(2), src)
            if s2 == src: continue
            open('/tmp/p14x.%d.md' % os.getpid(), 'w').write(s2)
            out = subprocess.run([BIN, 'parse', '/tmp/p14x.%d.md' % os.getpid()], capture_output=True, text=True)
            tot += 1
            try:
                j = json.loads(out.stdout)
            except Exception:
                bad.append((d, r, v, 'noparse')); continue
            titles = [x['security_title'] for x in j['non_derivative_table']]
            def strip(rows_):
                return [{k: x[k] for k in x if k not in ('security_title',)} for x in rows_]
            same_rest = strip(j['non_derivative_table']) == strip(bj['non_derivative_table'])
            def d2(rows_):
                return [{k: x[k] for k in x if k not in ('underlying_security_title',)} for x in rows_]
            good = titles.count(v) == len(rows) and same_rest and d2(j['derivative_table']) == d2(bj['derivative_table'])
            if good: ok += 1
            else: bad.append((os.path.basename(d[:-1])[:30], r, v, titles[:3], same_rest))
print(f"{ok}/{tot} ok")
from collections import Counter
print(Counter(b[2] for b in bad))
for b in bad[:40]: print(b)
