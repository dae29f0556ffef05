#!/bin/sh
# Every probe of this round, on the binary $BIN: one line each (ok/total, wrong values, other fields changed).
cd "$(dirname "$0")"
R3=pymupdf4llm.md,docling_html.md,markitdown_html.md
run() { printf '%-58s ' "$*"; python3 probe.py "$@" 2>&1 | head -1; }
for P in word offset; do
  export PLACE=$P
  echo "# placement: $P"
  run table security_title non_derivative_table ntitles.txt
  run table security_title non_derivative_table t2titles.txt
  run table security_title derivative_table dtitles.txt
  run table security_title derivative_table dtitles2.txt
  run table underlying_security_title derivative_table utitles.txt
  run table nature_of_ownership non_derivative_table natures.txt
  run table nature_of_ownership non_derivative_table natures2.txt
  run table nature_of_ownership derivative_table natures.txt
done
export PLACE=offset
echo "# header and tail, three digital renderings"
run header name names2.txt $R3
run header address.street1 streets2.txt $R3
run header address.city cities.txt $R3
run doc issuer.name issuers.txt $R3
run doc signature.name signers.txt $R3
run doc footnote notes.txt $R3
run doc remarks remarks.txt $R3
