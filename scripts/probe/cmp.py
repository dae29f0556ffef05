# Records that differ between two binaries over the corpus: cmp.py BASE NEW [renders]
import sys, json, subprocess, glob, os
base, new = sys.argv[1], sys.argv[2]
renders = sys.argv[3].split(',') if len(sys.argv) > 3 else None
for p in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/corpus') + '/*/*')):
    r = os.path.basename(p)
    if r in ('truth.json', 'source.xml') or (renders and r.split('.')[0] not in renders): continue
    a = json.loads(subprocess.run([base, 'parse', p], capture_output=True, text=True).stdout)
    b = json.loads(subprocess.run([new, 'parse', p], capture_output=True, text=True).stdout)
    a.pop('diagnostics'); b.pop('diagnostics')
    if a != b:
        t = json.load(open(os.path.dirname(p) + '/truth.json'))
        print('==', p)
        for k in a:
            if a[k] != b[k]:
                if isinstance(a[k], list):
                    for i in range(max(len(a[k]), len(b[k]))):
                        x = a[k][i] if i < len(a[k]) else None; y = b[k][i] if i < len(b[k]) else None
                        if x != y:
                            print(' ', k, i, 'OLD', {f: v for f, v in (x or {}).items() if (y or {}).get(f) != v})
                            print(' ', k, i, 'NEW', {f: v for f, v in (y or {}).items() if (x or {}).get(f) != v})
                else:
                    print(' ', k, a[k], '->', b[k])
