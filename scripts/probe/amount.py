import json, subprocess, glob, os, re
from collections import Counter
BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
variants = {
 'frac': (lambda c: c + '.5', lambda v: v + 0.5),
 'mark': (lambda c: c + '<sup>(9)</sup>', lambda v: v),
 'markp': (lambda c: c + ' (9)', lambda v: v),
 'big': (lambda c: '1,' + ('000,' if ',' not in c else '') + c if len(c.split(',')[0]) == 3 else c, None),
}
tot = ok = 0; bad = []
for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
    for r in ['markitdown_html.md', 'docling_html.md']:
        p = d + r
        if not os.path.exists(p): continue
        src = open(p).read()
        bj = json.loads(subprocess.run([BIN, 'parse', p], capture_output=True, text=True).stdout)
        rows = bj['non_derivative_table']
        vals = [x['shares_owned_following'] for x in rows if x.get('shares_owned_following') and '.' not in x['shares_owned_following'] and int(x['shares_owned_following']) >= 1000]
        if not vals: continue
        v = vals[0]; c = f"{int(v):,}"
        pat = re.compile(r'(\|\s*)' + re.escape(c) + r'(\s*\|)')
        if len(pat.findall(src)) != 1: continue
        for name, (f, g) in variants.items():
            if g is None: continue
            s2 = pat.sub(lambda m: m.group(1) + f(c) + m.group(2), src)
            open('/tmp/p14x.%d.md' % os.getpid(), 'w').write(s2)
            j = json.loads(subprocess.run([BIN, 'parse', '/tmp/p14x.%d.md' % os.getpid()], capture_output=True, text=True).stdout)
            tot += 1
            got = [x['shares_owned_following'] for x in j['non_derivative_table']]
            want = [x['shares_owned_following'] for x in rows]
            k = want.index(v); want[k] = str(g(int(v))).rstrip('0').rstrip('.') if name == 'frac' else v
            rest = lambda rs: [(x['shares'], x['price_per_share'], x['transaction_date'], x['direct_or_indirect']) for x in rs]
            if got == want and rest(j['non_derivative_table']) == rest(rows): ok += 1
            else: bad.append((os.path.basename(d[:-1])[:25], r[:6], name, c, got[k:k+1], want[k:k+1]))
print(f'{ok}/{tot}'); print(Counter(b[2] for b in bad))
for b in bad[:20]: print(b)
