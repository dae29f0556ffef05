import os
# Show the record diff of one substitution: one.py FILING RENDER OLD NEW
import sys, json, difflib
from probe import subst_all, run
d, r, old, new = sys.argv[1:5]
table = sys.argv[5] if len(sys.argv) > 5 else None
import glob
p = glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + f'/{d}*/')[0] + r
src = open(p).read()
s2, n, where = subst_all(src, old, new, table)
open('/tmp/p14y.md', 'w').write(s2)
a = json.dumps({k: v for k, v in run(p).items() if k != 'diagnostics'}, indent=1).splitlines()
b = run('/tmp/p14y.md')
w = b['diagnostics'].get('warnings')
b = json.dumps({k: v for k, v in b.items() if k != 'diagnostics'}, indent=1).splitlines()
print(n, where)
for l in difflib.unified_diff(a, b, lineterm='', n=1): print(l)
print(json.dumps(w, indent=0)[:3000])
for l in difflib.unified_diff(src.splitlines(), s2.splitlines(), lineterm='', n=0): print(l[:1500])
