import json, subprocess, glob, os, re
from collections import Counter
BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
variants = {
 'mark': lambda p: f'${p}<sup>(9)</sup>' ,
 'space': lambda p: f'$ {p}',
 'nodollar': lambda p: p,
 'range': lambda p: f'${p} (9)',
 'trailing0': lambda p: f'${p}00' if '.' in p else f'${p}.00',
}
tot = ok = 0; bad = []
for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
    t = json.load(open(d + 'truth.json'))
    for r in ['markitdown_html.md', 'docling_html.md']:
        p = d + r
        if not os.path.exists(p): continue
        src = open(p).read()
        bj = json.loads(subprocess.run([BIN, 'parse', p], capture_output=True, text=True).stdout)
        rows = bj['non_derivative_table']
        prices = {x['price_per_share'] for x in rows if x.get('price_per_share') and not x.get('footnotes', {}).get('price_per_share')}
        for price in prices:
            if float(price) == 0: continue
            # printed form: find '| $<digits> |' whose value equals price
            cands = set(m.group(1) for m in re.finditer(r'\|\s*\$([0-9,]*\.?[0-9]+)\s*\|', src) if float(m.group(1).replace(',', '')) == float(price))
            for c in cands:
                for name, f in variants.items():
                    s2 = re.sub(r'(\|\s*)\$' + re.escape(c) + r'(\s*\|)', lambda m: m.group(1) + f(c) + m.group(2), src)
                    open('/tmp/p14x.%d.md' % os.getpid(), 'w').write(s2)
                    j = json.loads(subprocess.run([BIN, 'parse', '/tmp/p14x.%d.md' % os.getpid()], capture_output=True, text=True).stdout)
                    tot += 1
                    def key(rows_): return [(x['shares'], x['shares_owned_following'], x['transaction_date'], x['acquired_disposed']) for x in rows_]
                    gp = [x['price_per_share'] for x in j['non_derivative_table']]
                    bp = [x['price_per_share'] for x in rows]
                    exp = bp if name != 'trailing0' else bp
                    good = key(j['non_derivative_table']) == key(rows) and [None if v is None else float(v) for v in gp] == [None if v is None else float(v) for v in exp]
                    if good: ok += 1
                    else: bad.append((os.path.basename(d[:-1])[:25], r[:6], name, c, gp[:3], bp[:3], key(j['non_derivative_table'])==key(rows)))
print(f'{ok}/{tot}'); print(Counter((b[2], b[6]) for b in bad))
for b in bad[:25]: print(b)
