# Generality probe for any rendering, pymupdf4llm first: substitute one field's value where the
# rendering prints it (possibly cut across cells by `|`, across lines by `<br>`, or run together
# with other values in picture text) and check the parser reads the new value exactly and nothing
# else in the record changes.
#
#   python3 probe.py table FIELD TABLE VARIANTS_FILE [renders]   (text fields of Tables I/II)
#   python3 probe.py header PATH VARIANTS_FILE [renders]         (owner fields: name, address.street1, ...)
#   python3 probe.py doc WHAT VARIANTS_FILE [renders]            (issuer.name, remarks, signature.name, footnote)
#
# Env: BIN (parser), N (examples to print), WHERE=cell|pic (only substitutions in table cells or
# only in picture text).
import json, subprocess, sys, glob, os, re
from collections import Counter

BIN = os.environ.get('BIN', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../target/release/form4'))
# One file per run: helpers probing at once would otherwise parse each other's substitutions.
TMP = '/tmp/p14x.%d.md' % os.getpid()
WHERE = os.environ.get('WHERE')

# Where a value can be cut: a cell boundary or a line break inside a cell (with spaces around).
CUT = r'(?:\s*(?:<br>|\|)\s*)'
GAP = r'(?:\s|<br>|\|)+'


def flex(old):
    """A pattern for `old` as a converter may print it: words cut anywhere by a cell boundary or
    a <br>, words separated by any run of those or spaces; starting at a cell/line start or after
    a space, and ending before a cell end, a <br>, a footnote mark or a space."""
    words = old.split()
    def word(w):
        return (CUT + '?').join(re.escape(c) for c in w)
    body = GAP.join(word(w) for w in words)
    return re.compile(r'(?:(?<=[|>\s])|^)(' + body + r')(?=[\s|<(]|$)', re.M)


def place(match_text, new):
    """Put `new` where the old value was, keeping its cuts: the new words go to the pieces in
    proportion to where the old pieces began (a new word is never cut)."""
    parts = re.split(r'(' + CUT + r'|\s+)', match_text)
    pieces, seps = parts[0::2], parts[1::2]
    # group pieces by cut separators only (spaces stay inside a piece)
    groups, gseps, cur = [], [], pieces[0]
    for sep, pc in zip(seps, pieces[1:]):
        if '|' in sep or '<br>' in sep:
            groups.append(cur); gseps.append(sep); cur = pc
        else:
            cur += sep + pc
    groups.append(cur)
    if len(groups) == 1:
        return new
    if os.environ.get('PLACE') == 'offset' and any('|' in g for g in gseps):
        return place_offset(match_text, new)
    if False:
        # The converter cuts at fixed page positions: the new text is cut at the same
        # character offsets as the old (a cut may fall inside a word or on a space).
        out, pos = [], 0
        for g in groups[:-1]:
            end = min(pos + len(g) + 1, len(new))
            out.append(new[pos:end].strip()); pos = end
        out.append(new[pos:].strip())
        res = out[0]
        for sep, piece in zip(gseps, out[1:]):
            res += sep + piece
        return res
    total = sum(len(g) for g in groups)
    starts, acc = [], 0
    for g in groups:
        starts.append(acc / total); acc += len(g)
    nw = new.split()
    ntot = len(new)
    out = [[] for _ in groups]
    acc = 0
    for w in nw:
        pos = acc / ntot
        k = max(i for i, s in enumerate(starts) if s <= pos + 1e-9)
        out[k].append(w); acc += len(w) + 1
    res = ' '.join(out[0])
    for sep, ws in zip(gseps, out[1:]):
        res += sep + ' '.join(ws)
    return res


def place_offset(match_text, new):
    """The converter cuts cells at fixed page positions and wraps a cell's lines at word
    boundaries: the new text is cut into cells at the same character offsets as the old (a
    cut may fall inside a word or on a space), each cell's part wrapped into as many lines
    as the old cell had."""
    parts = re.split(r'(\s*\|\s*)', match_text)
    cells, seps = parts[0::2], parts[1::2]
    lines = [re.split(r'\s*<br>\s*', c) for c in cells]
    lens = [len(' '.join(ls)) for ls in lines]
    chunks, pos = [], 0
    for L in lens[:-1]:
        end = min(pos + L + 1, len(new))
        chunks.append(new[pos:end].strip()); pos = end
    chunks.append(new[pos:].strip())
    out = []
    for ch, ls in zip(chunks, lines):
        ws = ch.split()
        k = len(ls)
        if k == 1 or not ws:
            out.append(ch); continue
        per = -(-len(ws) // k)
        out.append('<br>'.join(' '.join(ws[i:i + per]) for i in range(0, len(ws), per)))
    res = out[0]
    for sep, c in zip(seps, out[1:]):
        res += sep + c
    return res


def in_picture(src, pos):
    a = src.rfind('<!-- Start of picture text -->', 0, pos)
    b = src.rfind('<!-- End of picture text -->', 0, pos)
    return a > b


def run(path):
    out = subprocess.run([BIN, 'parse', path], capture_output=True, text=True)
    return json.loads(out.stdout)


def region(src, table):
    """Where a table's values are printed: Table I between its heading and Table II's, Table II
    from its heading to the footnotes (a value of one table is often printed in the other too)."""
    def find(words):
        # a heading may be cut by the grid: `**Tabl**|**e II - Derivati**`
        pat = r'[\s*|]*(?:<br>)?[\s*|]*'.join(re.escape(c) for c in words.replace(' ', ''))
        m = re.search(pat, src)
        return m.start() if m else -1
    t2 = find('Table II')
    t1 = find('Table I')
    end = find('Explanation of Responses')
    if table == 'non_derivative_table':
        return (t1, t2 if t2 > 0 else len(src))
    if table == 'derivative_table':
        return (t2, end if end > t2 else len(src))
    if table == 'header':
        return (0, t1 if t1 > 0 else len(src))
    return (0, len(src))


def subst_all(src, old, new, table=None):
    pat = flex(old)
    lo, hi = region(src, table)
    ms = [m for m in pat.finditer(src) if lo <= m.start() < hi]
    # In picture text a cell's lines are interleaved with other columns' lines: a value
    # matched across a line break is not reliably one cell's.
    if any(in_picture(src, m.start()) and '<br>' in m.group(1) for m in ms):
        return None, 0, None
    if not ms:
        return None, 0, None
    pic = {in_picture(src, m.start()) for m in ms}
    where = 'pic' if pic == {True} else 'cell' if pic == {False} else 'mixed'
    s2, last = [], 0
    for m in ms:
        s2.append(src[last:m.start()]); s2.append(place(m.group(1), new)); last = m.end()
    s2.append(src[last:])
    return ''.join(s2), len(ms), where


def get(o, path):
    for k in path.split('.'):
        o = (o or {}).get(k) if isinstance(o, dict) else None
    return o


def main():
    mode = sys.argv[1]
    renders = sys.argv[5 if mode == 'table' else 4].split(',') if len(sys.argv) > (5 if mode == 'table' else 4) else ['pymupdf4llm.md']
    if mode == 'table':
        field, table, vf = sys.argv[2], sys.argv[3], sys.argv[4]
    else:
        field, vf = sys.argv[2], sys.argv[3]
    variants = [l.rstrip('\n') for l in open(vf) if l.strip()]
    tot = ok = 0; bad = []; skipped = Counter()
    for d in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/')):
        t = json.load(open(d + 'truth.json'))
        if mode == 'table':
            vals = {r.get(field) for r in (t.get(table) or []) if r.get(field)}
            if len(vals) != 1: continue
            old = vals.pop()
            nrows = sum(1 for r in t[table] if r.get(field) == old)
        elif mode == 'header':
            if len(t['reporting_owners']) != 1: continue
            old = get(t['reporting_owners'][0], field)
        else:
            if field == 'signature.name':
                old = t['signatures'][0]['name'] if t.get('signatures') else None
            elif field == 'footnote':
                fs = t.get('footnotes') or {}
                old = fs.get('F1')
            else:
                old = get(t, field)
        if not old or len(old) < 4: continue
        for r in renders:
            p = d + r
            if not os.path.exists(p): continue
            src = open(p).read()
            bj = run(p)
            if mode == 'table':
                if [x.get(field) for x in bj[table]] != [x.get(field) for x in t[table]]: continue
            elif mode == 'header':
                if not bj['reporting_owners'] or get(bj['reporting_owners'][0], field) != old: continue
            else:
                if field == 'signature.name':
                    if not bj.get('signatures') or bj['signatures'][0]['name'] != old: continue
                elif field == 'footnote':
                    if (bj.get('footnotes') or {}).get('F1') != old: continue
                elif get(bj, field) != old: continue
            for v in variants:
                s2, n, where = subst_all(src, old, v, table if mode == 'table' else 'header' if mode == 'header' or field == 'issuer.name' else None)
                if s2 is None:
                    skipped['nomatch'] += 1; break
                if mode == 'table' and n != nrows and n < nrows:
                    skipped['count'] += 1; break
                if mode != 'table' and n != 1:
                    skipped['count'] += 1; break
                if WHERE and where != WHERE:
                    break
                open(TMP, 'w').write(s2)
                try:
                    j = run(TMP)
                except Exception:
                    bad.append((os.path.basename(d[:-1]), r[:8], where, v, 'noparse', False)); tot += 1; continue
                tot += 1
                if mode == 'table':
                    ign = {field}
                    if field in ('security_title', 'underlying_security_title'):
                        ign |= {'security_title', 'underlying_security_title'}
                    def strip(rows):
                        return [{k: x[k] for k in x if k not in ign} for x in rows]
                    got = [x.get(field) for x in j[table]]
                    want = [v if x.get(field) == old else x.get(field) for x in bj[table]]
                    same = all(strip(j[tb]) == strip(bj[tb]) for tb in ('non_derivative_table', 'derivative_table'))
                    rest = {k: x for k, x in j.items() if k not in ('diagnostics', 'non_derivative_table', 'derivative_table', 'footnotes', 'remarks')}
                    restb = {k: x for k, x in bj.items() if k not in ('diagnostics', 'non_derivative_table', 'derivative_table', 'footnotes', 'remarks')}
                    same = same and rest == restb
                elif mode == 'header':
                    got = get(j['reporting_owners'][0], field) if j['reporting_owners'] else None
                    want = v
                    drop = ('diagnostics', 'reporting_owners', 'footnotes', 'remarks', 'signatures')
                    same = {k: x for k, x in j.items() if k not in drop} == {k: x for k, x in bj.items() if k not in drop}
                    if j['reporting_owners']:
                        a = dict(j['reporting_owners'][0]); b = dict(bj['reporting_owners'][0])
                        for o in (a, b):
                            o['address'] = {k: x for k, x in o['address'].items() if k != field.split('.')[-1]} if field.startswith('address.') else o['address']
                            o.pop(field, None)
                        same = same and a == b
                else:
                    if field == 'signature.name':
                        got = j['signatures'][0]['name'] if j.get('signatures') else None
                    elif field == 'footnote':
                        got = (j.get('footnotes') or {}).get('F1')
                    else:
                        got = get(j, field)
                    want = v
                    def core(o):
                        o = {k: x for k, x in o.items() if k not in ('diagnostics',)}
                        if field == 'footnote': o['footnotes'] = {k: x for k, x in (o.get('footnotes') or {}).items() if k != 'F1'}
                        elif field == 'signature.name': o['signatures'] = [dict(s, name=None) for s in o.get('signatures') or []]
                        elif field == 'issuer.name': o['issuer'] = dict(o['issuer'], name=None)
                        else: o.pop(field, None)
                        return o
                    same = core(j) == core(bj)
                if got == want and same:
                    ok += 1
                else:
                    delta = ''
                    if not same and mode != 'table':
                        def flat(o, pre=''):
                            out = {}
                            if isinstance(o, dict):
                                for k, x in o.items(): out.update(flat(x, pre + k + '.'))
                            elif isinstance(o, list):
                                for k, x in enumerate(o): out.update(flat(x, pre + str(k) + '.'))
                            else: out[pre] = o
                            return out
                        fa = flat({k: x for k, x in bj.items() if k != 'diagnostics'}); fb = flat({k: x for k, x in j.items() if k != 'diagnostics'})
                        delta = '; '.join(f'{k}: {fa.get(k)!r}->{fb.get(k)!r}' for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k) and k != 'reporting_owners.0.' + field + '.')[:400]
                    bad.append((os.path.basename(d[:-1]), r[:8], where, v, got if mode != 'table' else [g for g, w in zip(got, want) if g != w][:2] or got[:1], same, delta))
    def wrong(b):
        g = b[4] if isinstance(b[4], list) else [b[4]]
        return any(x is not None and x != b[3] for x in g)
    nw = sum(1 for b in bad if wrong(b))
    print(f'{ok}/{tot} ok   wrong-value {nw}   other-field-changed {sum(1 for b in bad if not b[5])}   skipped {dict(skipped)}')
    if os.environ.get('WRONG'):
        bad = [b for b in bad if wrong(b)]
    print(Counter((b[2], b[3], b[5]) for b in bad).most_common(40))
    for b in bad[:int(os.environ.get('N', '20'))]:
        print(b)


if __name__ == "__main__": main()
