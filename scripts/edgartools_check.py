#!/usr/bin/env python3
"""Check that edgartools reads the EDGAR XML that `form4 parse --format xml` writes.

    edgartools_check.py FORM4_BINARY INPUT...

For every input, form4 writes the record (JSON) and the ownershipDocument (XML); edgartools
(`edgar.ownership.Ownership.parse_xml`) loads the XML as a Form 3/4/5, and every transaction
of both tables must agree with the record: security, date, code, shares, price, A/D and the
amount owned after. Holdings are compared by security and amount owned. Any difference, or
an XML edgartools cannot load, fails the run (exit 1).

Offline: edgartools looks each owner's CIK up on the network to decide whether to reverse
the owner's name; `edgar.ownership.owners.Entity` is replaced by a stub whose instances are
falsy, so no network is used. Inputs that are not forms (form4 exits 1) are skipped.
"""
from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

import edgar.ownership.owners as owners
from edgar.ownership import Ownership


class _NoEntity:
    """Stands in for edgar's Entity lookup: falsy, so owners are treated as persons."""

    def __init__(self, *args, **kwargs):
        pass

    def __bool__(self):
        return False


owners.Entity = _NoEntity

FOOTNOTE_SUFFIX = re.compile(r"\s*\[[F0-9, ]+\]$")


def text(v):
    """edgartools' value without its ` [F1,F2]` footnote suffix; '' and NaN are None."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    s = FOOTNOTE_SUFFIX.sub("", str(v)).strip()
    return s or None


def num(v):
    s = text(v)
    if s is None:
        return None
    try:
        return Decimal(s.replace(",", "")).normalize()
    except InvalidOperation:
        return s


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def rows_of(holder):
    data = getattr(holder, "data", None)
    if data is None:
        return []
    return data.to_dict("records")


TAMPER = re.compile(r"(<transactionShares><value>)([0-9.]+)")


def tampered(xml):
    """The XML with its first transaction's shares increased by one (for the self-test)."""
    return TAMPER.sub(lambda m: m.group(1) + str(Decimal(m.group(2)) + 1), xml, count=1)


def check(form4, path, tamper=False):
    """Returns a list of differences (empty when edgartools agrees), or None to skip."""
    js = run([form4, "parse", "--compact", path])
    if js.returncode != 0:
        return None
    record = json.loads(js.stdout)
    xml = run([form4, "parse", "--format", "xml", path])
    if xml.returncode != 0:
        return [f"form4 --format xml failed: {xml.stderr.strip()}"]
    text_xml = tampered(xml.stdout) if tamper else xml.stdout
    try:
        doc = Ownership.parse_xml(text_xml)
    except Exception as e:  # any failure to load is a failure of our XML
        return [f"edgartools could not load the XML: {type(e).__name__}: {e}"]

    diffs = []
    for table, key in (("non_derivative_table", "non_derivative_table"),
                       ("derivative_table", "derivative_table")):
        # A row of unknown kind (null) is written as a transaction (see the README).
        ours = [r for r in record.get(table, []) if r.get("kind") != "holding"]
        theirs = rows_of(doc[key].transactions)
        if len(ours) != len(theirs):
            diffs.append(f"{table}: {len(ours)} transactions in the record, {len(theirs)} read by edgartools")
            continue
        for i, (o, t) in enumerate(zip(ours, theirs)):
            pairs = [
                ("security_title", text(o.get("security_title")), text(t.get("Security"))),
                ("transaction_date", text(o.get("transaction_date")), text(t.get("Date"))),
                ("transaction_code", text(o.get("transaction_code")), text(t.get("Code"))),
                ("shares", num(o.get("shares")), num(t.get("Shares"))),
                ("price_per_share", num(o.get("price_per_share")), num(t.get("Price"))),
                ("acquired_disposed", text(o.get("acquired_disposed")), text(t.get("AcquiredDisposed"))),
                ("shares_owned_following", num(o.get("shares_owned_following")), num(t.get("Remaining"))),
            ]
            for field, a, b in pairs:
                if a != b:
                    diffs.append(f"{table}[{i}].{field}: record {a!r}, edgartools {b!r}")
    ours = [r for r in record.get("non_derivative_table", []) if r.get("kind") == "holding"]
    theirs = rows_of(doc["non_derivative_table"].holdings)
    if len(ours) != len(theirs):
        diffs.append(f"non_derivative_table: {len(ours)} holdings in the record, {len(theirs)} read by edgartools")
    else:
        for i, (o, t) in enumerate(zip(ours, theirs)):
            for field, a, b in [
                ("security_title", text(o.get("security_title")), text(t.get("Security"))),
                ("shares_owned_following", num(o.get("shares_owned_following")), num(t.get("Shares"))),
            ]:
                if a != b:
                    diffs.append(f"non_derivative_table holding {i}.{field}: record {a!r}, edgartools {b!r}")
    n_owners = len(doc["reporting_owners"].owners)
    if n_owners != len(record.get("reporting_owners", [])):
        diffs.append(f"reporting owners: record {len(record.get('reporting_owners', []))}, edgartools {n_owners}")
    return diffs


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    form4, inputs = argv[1], argv[2:]
    passed = failed = skipped = 0
    for path in inputs:
        diffs = check(form4, path)
        if diffs is None:
            skipped += 1
        elif diffs:
            failed += 1
            print(f"FAIL {path}")
            for d in diffs:
                print(f"    {d}")
        else:
            passed += 1
    # Self-test: a document with one changed amount must fail, or the check proves nothing.
    for path in inputs:
        if check(form4, path) == [] and "<transactionShares>" in run([form4, "parse", "--format", "xml", path]).stdout:
            if not check(form4, path, tamper=True):
                print(f"FAIL self-test: a changed amount in {path} went unnoticed")
                failed += 1
            break
    if skipped:
        print(f"edgartools: {skipped} input(s) skipped (not a form)")
    print(f"edgartools: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
