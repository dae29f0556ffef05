//! Typed values in text: dates, amounts, footnote marks, single-letter codes, words.
//!
//! Every reader takes text as the converters left it and either returns a value, a value
//! with the repair that made it (`Repaired`), or nothing.

use form4_model::{Date, Decimal, FootnoteId};

/// A date read from `MM/DD/YYYY` text (also `M/D/YYYY`, `MM-DD-YYYY`, `MM/DD/YY`).
///
/// Two-digit years are not completed here: `None` is returned for them, and the caller
/// decides whether a split year can be put back.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let (m, d, y) = date_parts(s)?;
    if y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// The month, day and year digits of `M/D/Y` text, any year length.
pub(crate) fn date_parts(s: &str) -> Option<(&str, &str, &str)> {
    // Most words are not dates: the month's digits must open the text.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let sep = if s.contains('/') { '/' } else { '-' };
    let mut it = s.split(sep);
    let (m, d, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    let digits = |p: &str, lo: usize, hi: usize| {
        (lo..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if digits(m, 1, 2) && digits(d, 1, 2) && digits(y, 0, 4) {
        Some((m, d, y))
    } else {
        None
    }
}

/// An amount or price: `11,050`, `$87.8`, `\$147.76`, `1,000.5`, `0`, `(1,000)`.
///
/// Thousands separators must be well placed (`5,20` is not an amount: it is a piece of one).
pub(crate) fn parse_amount(s: &str) -> Option<Decimal> {
    let t = s.trim().trim_start_matches('$').trim_start();
    let t = t.strip_suffix('%').unwrap_or(t);
    // Digits, or the point of a fraction with no integer part, open an amount: most words
    // are ruled out here.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
    {
        return None;
    }
    let (int, frac) = match t.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (t, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if int.is_empty() && frac.is_none() {
        return None;
    }
    // The form never prints leading zeros (`000,000` or `05` are pieces of something else).
    if int.len() > 1 && int.starts_with('0') {
        return None;
    }
    let int_digits: String = if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first = groups[0];
        if first.is_empty()
            || first.len() > 3
            || !first.bytes().all(|b| b.is_ascii_digit())
            || groups[1..]
                .iter()
                .any(|g| g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        groups.concat()
    } else {
        if !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        int.to_string()
    };
    let text = match frac {
        Some(f) => format!(
            "{}.{f}",
            if int_digits.is_empty() {
                "0"
            } else {
                &int_digits
            }
        ),
        None => int_digits,
    };
    // Values past Decimal's range are not amounts a form prints.
    text.parse::<Decimal>().ok().map(|d| d.normalize())
}

/// Footnote marks: `(1)`, `(12)`, `⁽²⁾`, `[F1]`, `F1`-style inside brackets, `¹`.
/// Returns the ids and the rest of the text before the marks.
pub(crate) fn split_trailing_marks(s: &str) -> (&str, Vec<FootnoteId>) {
    let mut ids = Vec::new();
    let mut rest = s.trim_end();
    while let Some((before, id)) = strip_one_mark(rest) {
        ids.push(id);
        rest = before.trim_end();
    }
    ids.reverse();
    (rest, ids)
}

fn strip_one_mark(s: &str) -> Option<(&str, FootnoteId)> {
    // Every mark ends in a bracket or a superscript (not ASCII): a word ending in any
    // other ASCII character, as most do, has none.
    if s.as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii() && b != b')' && b != b']')
    {
        return None;
    }
    // (12)
    if let Some(inner) = s.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let id = &inner[open + 1..];
        let id = id.trim();
        let id = id.strip_prefix(['F', 'f']).unwrap_or(id);
        if !id.is_empty() && id.len() <= 3 && id.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = id.parse().ok()?;
            if n > 0 {
                return Some((&inner[..open], FootnoteId(n)));
            }
        }
        return None;
    }
    // [F1]
    if let Some(inner) = s.strip_suffix(']') {
        let open = inner.rfind('[')?;
        let id = inner[open + 1..].trim();
        let id = id.strip_prefix(['F', 'f'])?;
        let n: u32 = id.parse().ok()?;
        return Some((&inner[..open], FootnoteId(n)));
    }
    // ⁽²⁾ or ¹²
    let sup: String = s
        .chars()
        .rev()
        .take_while(|c| superscript_digit(*c).is_some() || *c == '⁽' || *c == '⁾')
        .collect();
    if !sup.is_empty() {
        let digits: String = sup.chars().rev().filter_map(superscript_digit).collect();
        if digits.is_empty() {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        let cut = s.len() - sup.chars().map(char::len_utf8).sum::<usize>();
        return Some((&s[..cut], FootnoteId(n)));
    }
    None
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// A number as the form prints it before a box's label or a footnote's text (`6.`, `4.`):
/// one or two digits, then one of `ends`.
pub(crate) fn item_number(w: &str, ends: &[char]) -> bool {
    w.strip_suffix(ends)
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// True for a checked-box mark: `X`, `x`, `☒`, `☑`, `[X]`, `(X)`.
pub(crate) fn is_tick(s: &str) -> bool {
    matches!(
        s.trim(),
        "X" | "x" | "☒" | "☑" | "✔" | "✓" | "[X]" | "[x]" | "(X)" | "(x)" | "X]" | "[X"
    )
}

/// Whether a text holds what OCR makes of specks and rules on a scanned page: a sign
/// (`©`, `¢`, `§`, `»`, `°`), an opening quotation mark without its closing one
/// (`‘Common`), or double quotes that do not pair (`M”)`). None of the development
/// corpus's 360 digital renderings holds any of these signs or curly quotes; in a table's
/// rows they mark 3 OCR'd renderings whose labels came out exact. (An apostrophe `’` alone is common in
/// digital text: `Owner’s`.)
pub(crate) fn specked(text: &str) -> bool {
    const SIGNS: &[char] = &['™', '©', '¢', '§', '»', '«', '¥', '£', '€', '°'];
    let count = |c: char| text.matches(c).count();
    text.contains(SIGNS) || count('‘') > count('’') || count('“') != count('”')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specks_are_signs_and_unpaired_quotes() {
        for (text, want) in [
            ("Common Stock", false),
            ("Owner\u{2019}s Trust", false),
            ("the \u{201c}Trust\u{201d}", false),
            ("\u{2018}Common Stock", true),
            ("M\u{201d})", true),
            ("Stock \u{a9}", true),
            ("$5.00 \u{a2}", true),
        ] {
            assert_eq!(specked(text), want, "{text}");
        }
    }

    #[test]
    fn dates() {
        for (input, expected) in [
            ("11/01/2020", Some("2020-11-01")),
            ("1/5/2021", Some("2021-01-05")),
            ("09-02-2022", Some("2022-09-02")),
            ("11/01/20", None),
            ("13/01/2020", None),
            ("02/30/2020", None),
            ("11/01/2020/1", None),
            ("ab/01/2020", None),
            ("", None),
        ] {
            assert_eq!(
                parse_date(input).map(|d| d.to_string()).as_deref(),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn amounts() {
        for (input, expected) in [
            ("11,050", Some("11050")),
            ("$87.8", Some("87.8")),
            ("$87.80", Some("87.8")),
            ("147.76", Some("147.76")),
            ("$0", Some("0")),
            ("0.0000", Some("0")),
            ("5,208,879", Some("5208879")),
            ("1234567", Some("1234567")),
            (".5", Some("0.5")),
            ("5,20", None),
            ("000,000", None),
            ("05", None),
            ("0.5", Some("0.5")),
            ("5,2089", None),
            (",208", None),
            ("12.", None),
            ("1.2.3", None),
            ("abc", None),
            ("", None),
            ("$", None),
            ("99999999999999999999999999999999999", None),
        ] {
            assert_eq!(
                parse_amount(input).map(|d| d.to_string()).as_deref(),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn footnote_marks() {
        for (input, rest, ids) in [
            ("11,050(1)", "11,050", vec![1]),
            ("11,050 (1)(2)", "11,050", vec![1, 2]),
            ("See Footnote ⁽²⁾", "See Footnote", vec![2]),
            ("$0 [F3]", "$0", vec![3]),
            ("I(12)", "I", vec![12]),
            ("(1)", "", vec![1]),
            (
                "Stock Option (right to buy)",
                "Stock Option (right to buy)",
                vec![],
            ),
            ("Common Stock", "Common Stock", vec![]),
            ("(0)", "(0)", vec![]),
            // Ends in ASCII other than a bracket: no mark, whatever comes before.
            ("(1)x", "(1)x", vec![]),
            ("⁽²⁾.", "⁽²⁾.", vec![]),
            ("Stock¹", "Stock", vec![1]),
            ("Stock (1) ", "Stock", vec![1]),
            ("é", "é", vec![]),
            ("", "", vec![]),
        ] {
            let (r, got) = split_trailing_marks(input);
            let got: Vec<u32> = got.iter().map(|f| f.0).collect();
            assert_eq!((r, got), (rest, ids), "{input:?}");
        }
    }
}
