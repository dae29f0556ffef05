//! Box values read across the page: some converters (pymupdf4llm's picture text) read the
//! labels of boxes printed side by side into one line and their values into the next, so box
//! 1's owner name and box 2's issuer name come as one run of words before the `[TICKER]`.
//!
//! Where one name ends and the other begins is told only by evidence about the words
//! themselves; when the evidence is missing or disagrees, no split is made.

/// The tail of Form 3's box-2 title (`2. Date of Event Requiring Statement`), which a
/// converter cuts across the owner's line when it reads the boxes side by side.
pub(crate) const PERIOD_TAIL: [&str; 3] = ["event", "requiring", "statement"];

/// Words that end a company's name: a name never starts with one, so a split before it
/// would cut the owner's own name.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "lp",
    "llp",
    "gp",
    "plc",
    "nv",
    "sa",
    "ag",
    "se",
    "bv",
    "company",
    "corporation",
    "incorporated",
    "limited",
    "trust",
    "fund",
    "partners",
    "holdings",
];

/// Legal forms that end a company's name and nothing else: unlike `Trust`, `Fund` or
/// `Holdings`, no issuer's name has one in its middle.
const NAME_ENDS: &[&str] = &[
    "inc",
    "corp",
    "ltd",
    "llc",
    "lp",
    "llp",
    "plc",
    "incorporated",
    "corporation",
    "limited",
];

/// Whether a word is a legal form that ends a company's name (`Inc.`, `L.P.`).
pub(crate) fn name_end(w: &str) -> bool {
    NAME_ENDS.contains(&letters(w).as_str())
}

fn letters(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Indices of words that are the cut tail of Form 3's box-2 title (`Requiring Statement`),
/// a run that ends in `Statement`.
pub(crate) fn period_tail_words(words: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if letters(w) != "statement" {
            continue;
        }
        let mut a = i;
        let mut k = PERIOD_TAIL.len() - 1;
        while a > 0 && k > 0 && letters(words[a - 1]) == PERIOD_TAIL[k - 1] {
            a -= 1;
            k -= 1;
        }
        out.extend(a..=i);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Upper,
    Mixed,
    Neutral,
}

/// A generation or a fund's number (`JR`, `Sr.`, `III`, `IV,`): printed in capitals in
/// names of either case, and after a person's initial (`SMITH JOHN A JR`) still the
/// person's.
fn suffix(w: &str) -> bool {
    let l = letters(w);
    l == "jr" || l == "sr" || roman(w)
}

/// A number in roman capitals of two letters or more (`II`, `IV,`): a single `V` or `I`
/// is an initial's shape.
fn roman(w: &str) -> bool {
    let t = w.trim_end_matches([',', '.']);
    t.len() >= 2 && t.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// The state EDGAR adds to a company's conformed name (`Acme Bancorp /PA/`): in capitals
/// whatever the name's case, and always its last word.
fn state_mark(w: &str) -> bool {
    w.len() >= 3
        && w.starts_with('/')
        && w.trim_end_matches([',', '.']).ends_with('/')
        && w.chars().any(char::is_alphabetic)
}

/// A word's letter case, as evidence of which name it belongs to. A legal form that only
/// ends a name (`LLC`, `L.P.`, `Inc.`) or a roman number (`Fund IV, L.P.`) is printed in
/// capitals in a name of either case: it says nothing (in `Acme Ventures Fund IV, L.P.
/// ORBITAL CO` the case changes before `ORBITAL`, not before `IV`).
fn style(w: &str) -> Style {
    let n = w.chars().filter(|c| c.is_alphabetic()).count();
    if n < 2 || roman(w) || state_mark(w) || name_end(w) {
        Style::Neutral
    } else if w.chars().any(char::is_lowercase) {
        Style::Mixed
    } else {
        Style::Upper
    }
}

/// An initial: one letter, with or without its dot (`M`, `M.`).
fn initial(w: &str) -> bool {
    let t = w.strip_suffix('.').unwrap_or(w);
    t.chars().count() == 1 && t.chars().all(char::is_alphabetic)
}

fn plain_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// A word of a person's name as EDGAR writes it: a plain word or an initial.
pub(crate) fn person_word(w: &str) -> bool {
    plain_word(w) || initial(w)
}

/// Whether the owner's name may end before word `k`: two words or more to the owner (so
/// are all 189 owners' names of the corpus), one or more to the issuer, whose name does
/// not start with a legal form or a state mark (`/PA/`) and is not after a comma (all
/// would end the owner's).
fn split_fits(words: &[&str], k: usize) -> bool {
    k >= 2
        && k < words.len()
        && !LEGAL_FORMS.contains(&letters(words[k]).as_str())
        && !state_mark(words[k])
        && !words[k - 1].ends_with(',')
}

/// Whether any place in `words` may end an owner's name before an issuer's (see
/// [`split_fits`]): where none does (`QUILLON FINANCIAL CORP`), the words are one name.
pub(crate) fn any_split_fits(words: &[&str]) -> bool {
    (2..words.len()).any(|k| split_fits(words, k))
}

/// Where box 1's owner name ends in `words`, the owner's and the issuer's names read
/// side by side. Three kinds of evidence:
/// - EDGAR writes a person as `LAST FIRST MIDDLE-INITIAL`: two plain words and an initial;
/// - the two names are printed in different letter cases (`Hollis Ward WIDGETLY CORP`):
///   the words fall into exactly two runs of one case each;
/// - two companies: the run ends in a legal form (`Inc.`) and holds exactly one more,
///   which ends the owner's name (`Arvus Public Equities, L.P. Lumo, Inc.`);
/// - box 1's care-of line names the issuer (`C/O WIDGETWORKS INC.`): the issuer is the
///   longest tail of words that begins it, letters compared without case;
/// - the issuer's name begins with its ticker (`Zorbly Aviation, Inc. [ZORBLY]`): the one
///   word of two letters or more that equals the bracketed ticker begins it (16 of the
///   corpus's 120 issuers begin with their ticker, none has it further in, and no owner's
///   name holds it; a one-letter ticker is an initial's shape, so it is not used);
/// - Form 3's box 2 title cut between them (`Doe Jane Requiring Statement Acme Corp`):
///   box 2 is printed between boxes 1 and 3, so a line read across the page holds box 1's
///   words, box 2's, then box 3's; `column_edge` is where box 2's words were taken out;
/// - the signature names the owner: the longest lead of words that all occur in it.
///
/// Each must leave two words or more to the owner and one or more to the issuer, and the
/// issuer must not start with a legal-form word (it would be the end of the owner's name).
/// Evidences that disagree give no split.
pub(crate) fn split_owner_issuer(
    words: &[&str],
    signature: &[String],
    care_of: &[String],
    ticker: &str,
    column_edge: Option<usize>,
) -> Option<usize> {
    let n = words.len();
    let fits = |k: usize| split_fits(words, k);
    // The printed forms of the names come first; the signature only when they say nothing
    // (it may name the owner in another order, without the initial).
    let mut found: Vec<usize> = Vec::new();
    if n >= 4 && plain_word(words[0]) && plain_word(words[1]) && initial(words[2]) {
        // `SMITH JOHN A JR`: a generation after the initial is the person's.
        let k = if n >= 5 && suffix(words[3]) { 4 } else { 3 };
        found.push(k);
    }
    // Case runs: neutral words (initials, `&`) go with the run before them.
    let styles: Vec<Style> = words.iter().map(|w| style(w)).collect();
    let mut runs: Vec<(Style, usize)> = Vec::new();
    for (i, s) in styles.iter().enumerate() {
        if *s == Style::Neutral {
            continue;
        }
        if runs.last().map(|(r, _)| r) != Some(s) {
            runs.push((*s, i));
        }
    }
    if runs.len() == 2 && styles[0] != Style::Neutral {
        found.push(runs[1].1);
    }
    let inner_ends: Vec<usize> = (0..n.saturating_sub(1))
        .filter(|&i| name_end(words[i]) && !LEGAL_FORMS.contains(&letters(words[i + 1]).as_str()))
        .collect();
    if let ([i], Some(last)) = (inner_ends.as_slice(), words.last()) {
        if name_end(last) {
            found.push(i + 1);
        }
    }
    let co: Vec<String> = care_of
        .iter()
        .map(|w| letters(w))
        .filter(|w| !w.is_empty())
        .collect();
    let begins_care_of = |k: usize| {
        let tail: Vec<String> = words[k..].iter().map(|w| letters(w)).collect();
        tail.len() <= co.len() && tail.iter().zip(&co).all(|(a, b)| a == b)
    };
    if let Some(k) = (2..n).find(|&k| begins_care_of(k)) {
        found.push(k);
    }
    let tick = letters(ticker);
    if tick.chars().count() >= 2 {
        let at: Vec<usize> = (0..n).filter(|&i| letters(words[i]) == tick).collect();
        if let [k] = at.as_slice() {
            found.push(*k);
        }
    }
    found.extend(column_edge);
    let sig: Vec<String> = signature.iter().map(|w| letters(w)).collect();
    let in_sig = |w: &str| {
        let l = letters(w);
        !l.is_empty() && sig.contains(&l)
    };
    let lead = words.iter().take_while(|w| in_sig(w)).count();
    if found.is_empty() && lead >= 2 && lead < n {
        found.push(lead);
    }
    let k = *found.first()?;
    (found.iter().all(|&j| j == k) && fits(k)).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_and_issuer_read_side_by_side() {
        let none: &[&str] = &[];
        for (row, sig, owner) in [
            (
                "PELLINGER GODFREY M VOLTLAB INC.",
                none,
                Some("PELLINGER GODFREY M"),
            ),
            (
                "Dorvane Bruno M. QUARTZEL CO",
                none,
                Some("Dorvane Bruno M."),
            ),
            (
                "McTavish Kirk GRAYPEAK FUND,INC.",
                none,
                Some("McTavish Kirk"),
            ),
            (
                "THORNE PIERCE AbNovera Biologics Inc.",
                none,
                Some("THORNE PIERCE"),
            ),
            (
                "MARIGOLD PROPERTIES LTD. Borealis Resources Corp",
                none,
                Some("MARIGOLD PROPERTIES LTD."),
            ),
            (
                "Hollis Ward Zephyr Aviation, Inc.",
                &["/s/", "Tess", "for", "Ward", "Hollis"],
                Some("Hollis Ward"),
            ),
            // No evidence, or evidence that disagrees: no split.
            ("Hollis Ward Zephyr Aviation, Inc.", none, None),
            ("Rudge R Bramley WidgetWorks Inc.", none, None),
            ("Hollen Dorian ZQB Bancorp, Inc.", none, None),
            // Two companies, each ending in a legal form.
            (
                "Harbor Equity Opportunities V, LLC Vexillo Therapeutics Inc.",
                none,
                Some("Harbor Equity Opportunities V, LLC"),
            ),
            (
                "Arvus Public Equities, L.P. Lumo, Inc.",
                none,
                Some("Arvus Public Equities, L.P."),
            ),
            // A third legal form, or none at the end: no split.
            ("Blackmoor Holdings III L.P. Acme LLC Corp X", none, None),
            ("Acme LP Beta Inc. Gamma Corp", none, None),
            ("Acme LLC Beta Trust II", none, None),
            // A legal form in capitals says nothing of case: the case runs and the legal
            // forms agree.
            (
                "Wexler Bros. Advisors LP ACME CORP",
                none,
                Some("Wexler Bros. Advisors LP"),
            ),
            (
                "Quillby Ventures Fund IV, L.P. ORBITAL CO",
                none,
                Some("Quillby Ventures Fund IV, L.P."),
            ),
            (
                "Tarn Growth Partners II LLC ORBITAL CO",
                none,
                Some("Tarn Growth Partners II LLC"),
            ),
            // A generation after the initial is the person's.
            (
                "PELLINGER GODFREY M JR VOLTLAB INC.",
                none,
                Some("PELLINGER GODFREY M JR"),
            ),
            (
                "Dorvane Bruno M. III QUARTZEL CO",
                none,
                Some("Dorvane Bruno M. III"),
            ),
            (
                "Schaller Edmund H KKBW, Inc. /MD/",
                none,
                Some("Schaller Edmund H"),
            ),
            // The state EDGAR adds to an issuer's name is in capitals in a name of either
            // case: no evidence of where the names meet.
            ("Hollis Ward Quarrytown Bancorp /PA/", none, None),
            (
                "Hollis Ward QUARRYTOWN BANCORP /PA/",
                none,
                Some("Hollis Ward"),
            ),
        ] {
            let words: Vec<&str> = row.split_whitespace().collect();
            let sig: Vec<String> = sig.iter().map(|s| s.to_string()).collect();
            let got = split_owner_issuer(&words, &sig, &[], "", None).map(|k| words[..k].join(" "));
            assert_eq!(got.as_deref(), owner, "{row:?}");
        }
    }

    /// Box 1's care-of line naming the issuer tells where its name begins.
    #[test]
    fn issuer_named_by_the_care_of_line() {
        for (row, care_of, owner) in [
            (
                "Rudge R Bramley WidgetWorks Inc.",
                "WIDGETWORKS INC.",
                Some("Rudge R Bramley"),
            ),
            (
                "Rudge R Bramley WidgetWorks Inc.",
                "WIDGETWORKS INC. 222 MAIN STREET",
                Some("Rudge R Bramley"),
            ),
            // Another company in care of: no evidence.
            ("Rudge R Bramley WidgetWorks Inc.", "ACME LLC", None),
            // Evidence that disagrees with the case runs: no split.
            ("SMITH JOHN Acme Corp", "CORP", None),
        ] {
            let words: Vec<&str> = row.split_whitespace().collect();
            let co: Vec<String> = care_of.split_whitespace().map(str::to_string).collect();
            let got = split_owner_issuer(&words, &[], &co, "", None).map(|k| words[..k].join(" "));
            assert_eq!(got.as_deref(), owner, "{row:?} c/o {care_of:?}");
        }
    }

    /// The ticker that begins the issuer's name, and box 2's title cut between the
    /// columns, tell where the owner's name ends.
    #[test]
    fn issuer_named_by_its_ticker_or_cut_by_box_2() {
        for (row, ticker, edge, owner) in [
            (
                "Lindqvist Ola Zorbly Aviation, Inc.",
                "ZORBLY",
                None,
                Some("Lindqvist Ola"),
            ),
            ("Lindqvist Ola Zorbly Aviation, Inc.", "ZRBL", None, None),
            // The ticker's word in the owner's place, or twice: no split.
            ("Zorbly Ola Zorbly Aviation, Inc.", "ZORBLY", None, None),
            ("Lindqvist Zorbly Ola Aviation, Inc.", "ZORBLY", None, None),
            // A one-letter ticker has an initial's shape: not used.
            ("Lindqvist Ola Quill U Holdings", "U", None, None),
            // Other evidence that disagrees: no split.
            (
                "Lindqvist Ola P Zorbly Aviation, Inc.",
                "AVIATION",
                None,
                None,
            ),
            (
                "Lindqvist Ola Varro Bancshares, Inc.",
                "",
                Some(2),
                Some("Lindqvist Ola"),
            ),
            ("Lindqvist Ola P Varro Bancshares, Inc.", "", Some(2), None),
            (
                "Lindqvist Ola P Varro Bancshares, Inc.",
                "",
                Some(3),
                Some("Lindqvist Ola P"),
            ),
        ] {
            let words: Vec<&str> = row.split_whitespace().collect();
            let got =
                split_owner_issuer(&words, &[], &[], ticker, edge).map(|k| words[..k].join(" "));
            assert_eq!(got.as_deref(), owner, "{row:?} [{ticker}] {edge:?}");
        }
    }

    #[test]
    fn cut_period_title() {
        let words: Vec<&str> = "Glenn Jasper E Requiring Statement XFP CORP"
            .split(' ')
            .collect();
        assert_eq!(period_tail_words(&words), vec![3, 4]);
        let words: Vec<&str> = "Statement Acme".split(' ').collect();
        assert_eq!(period_tail_words(&words), vec![0]);
    }
}
