//! The rest of a document's text as evidence for a table cell's words.
//!
//! A converter that reads a page line by line (picture text) loses which cell a word was
//! in and sometimes the spaces between words (`CommonStock`). A filing names its securities
//! and holders again elsewhere (footnotes, remarks, the other table), so a reading of a
//! cell that the document prints word for word somewhere else is far likelier than one it
//! never prints; and where it prints them with a space the cell lost, the space is put back.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::RangeInclusive;

use crate::labels::SQUASHED;
use crate::text::Segment;

/// Where a cell ends: no attested text runs across it.
const CELL_END: char = '\0';

/// How many places starting with a text's first two letters are tried for it: a bound for
/// time (each row's cells are looked up, so a table of many rows whose words the rest of
/// the document repeats would otherwise take time growing with the square of its rows),
/// far above the places a form's text gives any two letters.
const MAX_CANDIDATES: usize = 1024;

/// Answers [`LazyAttested::holds`] keeps at most (a corpus document asks at most 1,159).
const MAX_HELD: usize = 4096;

/// The letters and digits of a document's text outside one part, lower-cased, with the
/// word boundaries and spaces between them.
#[derive(Default)]
pub(crate) struct Attested {
    chars: Vec<char>,
    /// Where the characters between each character and the one before it are in
    /// `gap_text` (an empty range inside a word, and at a cell's end). Ranges into one
    /// string rather than a string each: the whole document's text is kept.
    gaps: Vec<(u32, u32)>,
    gap_text: String,
    /// Whether each character was printed upper-case: a word of a name starts with one.
    capital: Vec<bool>,
    /// Where words start, with their first two letters or digits (`head`), grouped by
    /// [`bucket`] and in text order within a group: a cell's text is looked up for every
    /// row, in a document's whole text.
    by_head: Vec<(u64, usize)>,
    /// Where each bucket's group starts in `by_head` (and, last, its length).
    bucket_start: Vec<usize>,
    /// Where each segment's characters start and end in `chars` (its cell's end, when it
    /// starts a cell, counted before it): a part's segments are left out of a lookup by
    /// the range of characters they span.
    seg_chars: Vec<(usize, usize)>,
}

/// Characters a lookup leaves out, `lo..hi` (a part's own text); a text is found only
/// wholly before or wholly after them, as if they were a cell of their own that no text
/// runs across.
#[derive(Clone, Copy)]
struct Outside {
    lo: usize,
    hi: usize,
}

impl Outside {
    const NOTHING: Outside = Outside {
        lo: usize::MAX,
        hi: usize::MAX,
    };

    /// Whether characters `i..i + n` lie outside.
    fn holds(self, i: usize, n: usize) -> bool {
        i.saturating_add(n) <= self.lo || i >= self.hi
    }
}

/// Two characters as one key.
fn head(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

const BUCKET_BITS: u32 = 10;

/// A head's group: grouping by a hash in one counting pass costs less than sorting.
fn bucket(key: u64) -> usize {
    let mixed = key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BUCKET_BITS);
    // Below 2^BUCKET_BITS by the shift.
    usize::try_from(mixed).unwrap_or(0)
}

/// A character lower-cased as one character (the first, for the few that become several).
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// A document's [`Attested`] text, built the first time a text is looked up (many tables
/// have no row whose cells need it, and building it is a pass over the whole document),
/// and once for both tables, each looking past its own segments.
pub(crate) struct DocText<'a> {
    segs: &'a [Segment],
    built: OnceCell<Attested>,
}

impl<'a> DocText<'a> {
    pub(crate) fn new(segs: &'a [Segment]) -> Self {
        DocText {
            segs,
            built: OnceCell::new(),
        }
    }

    /// The text of every segment outside `skip` (a part's segments).
    pub(crate) fn skipping(&'a self, skip: RangeInclusive<usize>) -> LazyAttested<'a> {
        LazyAttested {
            text: self,
            skip,
            held: RefCell::new(HashMap::new()),
        }
    }

    /// The text of every segment, nothing skipped (for values whose own text may be the
    /// only place that prints them, and that look beyond it).
    pub(crate) fn whole(&'a self) -> LazyAttested<'a> {
        // An empty range skips nothing.
        self.skipping(RangeInclusive::new(1, 0))
    }

    fn get(&self) -> &Attested {
        self.built.get_or_init(|| Attested::new(self.segs))
    }
}

/// The text of a document's segments outside one part, for lookups.
pub(crate) struct LazyAttested<'a> {
    text: &'a DocText<'a>,
    skip: RangeInclusive<usize>,
    /// [`LazyAttested::holds`]'s answers: Table II's wrapped rows weigh the same few texts
    /// in thousands of readings.
    held: RefCell<HashMap<String, bool>>,
}

impl LazyAttested<'_> {
    fn get(&self) -> (&Attested, Outside) {
        let doc = self.text.get();
        (doc, doc.outside(&self.skip))
    }

    /// See [`Attested::holds`].
    pub(crate) fn holds(&self, text: &str) -> bool {
        if let Some(&held) = self.held.borrow().get(text) {
            return held;
        }
        let (doc, outside) = self.get();
        let held = doc.holds(text, outside);
        let mut memo = self.held.borrow_mut();
        // Memory stays bounded on a hostile input of many wrapped rows.
        if memo.len() >= MAX_HELD {
            memo.clear();
        }
        memo.insert(text.to_owned(), held);
        held
    }

    /// See [`Attested::holds_as_words`].
    pub(crate) fn holds_as_words(&self, text: &str) -> bool {
        let (doc, outside) = self.get();
        doc.holds_as_words(text, outside)
    }

    /// Whether a word that a cut of the grid joined (`head` | `tail`) may have lost a
    /// letter under the cut: the document prints it nowhere as joined, but prints it with
    /// one letter more at the cut (`Comm` | `n`, and `Common` elsewhere). A word printed
    /// once (`S` | `tock`) is taken as whole.
    pub(crate) fn letter_lost_at_cut(&self, head: &str, tail: &str) -> bool {
        !self.holds_as_words(&format!("{head}{tail}"))
            && ('a'..='z').any(|c| self.holds_as_words(&format!("{head}{c}{tail}")))
    }

    /// See [`Attested::respace`].
    pub(crate) fn respace(&self, text: &str) -> Option<String> {
        let (doc, outside) = self.get();
        doc.respace(text, outside)
    }
}

/// A text squashed like [`Attested`]'s: its letters and digits, lower-cased.
fn squash(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .map(lower)
        .collect()
}

impl Attested {
    /// The text of every segment, the pieces of one cell or picture run joined by a space.
    fn new(segs: &[Segment]) -> Self {
        let mut out = Attested::default();
        // Room for every character at once: the document's whole text is read, and a
        // vector grown a push at a time copies it over and over.
        let bytes: usize = segs.iter().map(|s| s.text.len()).sum();
        out.chars.reserve(bytes + segs.len());
        out.gaps.reserve(bytes + segs.len());
        out.capital.reserve(bytes + segs.len());
        out.gap_text.reserve(bytes / 2 + segs.len());
        out.seg_chars.reserve(segs.len());
        let mut last_cell = None;
        for seg in segs {
            let start = out.chars.len();
            let pl = seg.place;
            let cell = (pl.block, pl.row, pl.cell);
            if last_cell != Some(cell) {
                out.end_cell();
            }
            last_cell = Some(cell);
            out.push_text(&seg.text);
            out.seg_chars.push((start, out.chars.len()));
        }
        out.index();
        out
    }

    /// The characters of the segments `skip` (which run to the end when it does).
    ///
    /// A lookup past them finds what the text without them would: before them the text is
    /// the same, and a text found there ends at a word boundary (a segment's first letter
    /// or digit starts a word, a cell's end is one); after them it is the same from the
    /// next segment's first letter or digit on.
    fn outside(&self, skip: &RangeInclusive<usize>) -> Outside {
        if skip.is_empty() {
            return Outside::NOTHING;
        }
        let end = self.chars.len();
        let lo = self.seg_chars.get(*skip.start()).map_or(end, |s| s.0);
        let hi = self.seg_chars.get(*skip.end()).map_or(end, |s| s.1);
        Outside { lo, hi }
    }

    fn index(&mut self) {
        let mut heads: Vec<(u64, usize)> = Vec::with_capacity(self.chars.len() / 4);
        heads.extend(
            self.chars
                .windows(2)
                .zip(&self.gaps)
                .enumerate()
                .filter(|&(_, (w, &(a, b)))| a < b && w[0] != CELL_END && w[1] != CELL_END)
                .map(|(i, (w, _))| (head(w[0], w[1]), i)),
        );
        // A counting sort by bucket, stable: a text is found at its first place.
        let mut start = vec![0usize; (1 << BUCKET_BITS) + 1];
        for &(key, _) in &heads {
            start[bucket(key) + 1] += 1;
        }
        for b in 1..start.len() {
            start[b] += start[b - 1];
        }
        let mut next = start.clone();
        self.by_head = vec![(0, 0); heads.len()];
        for (key, i) in heads {
            let b = bucket(key);
            self.by_head[next[b]] = (key, i);
            next[b] += 1;
        }
        self.bucket_start = start;
    }

    fn end_cell(&mut self) {
        self.chars.push(CELL_END);
        self.capital.push(false);
        let at = self.gap_len();
        self.gaps.push((at, at));
    }

    fn gap_len(&self) -> u32 {
        u32::try_from(self.gap_text.len()).unwrap_or(u32::MAX)
    }

    /// Appends a piece of text after a space.
    fn push_text(&mut self, text: &str) {
        let mut start = self.gap_len();
        self.gap_text.push(' ');
        for c in text.chars() {
            // ASCII, nearly all of a form's text, by table rather than `is_alphanumeric`
            // and `lower`: the whole document is read here.
            let kept = if c.is_ascii() {
                Some(SQUASHED[c as usize])
                    .filter(|&b| b != 0)
                    .map(char::from)
            } else {
                c.is_alphanumeric().then(|| lower(c))
            };
            if let Some(low) = kept {
                let end = self.gap_len();
                self.chars.push(low);
                self.capital.push(low != c);
                self.gaps.push((start, end));
                start = end;
            } else {
                self.gap_text.push(c);
            }
        }
    }

    /// Whether a word starts at character `i` (anything but a letter or digit before it,
    /// or a cell's end there), if there is one.
    fn starts(&self, i: usize) -> Option<bool> {
        let c = *self.chars.get(i)?;
        let (a, b) = self.gaps.get(i)?;
        Some(c == CELL_END || a < b)
    }

    fn gap(&self, i: usize) -> &str {
        self.gaps
            .get(i)
            .and_then(|&(a, b)| self.gap_text.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// Whether the document prints `text`'s letters and digits as words of their own (a
    /// word boundary at both ends), whatever its spaces; with the characters it prints
    /// between them (`gaps[i]` before the `i`th letter or digit) at the first such place.
    fn find(&self, text: &str, outside: Outside) -> Option<Vec<&str>> {
        let (i, n) = self.place(text, outside, false)?;
        Some((i..i + n).map(|k| self.gap(k)).collect())
    }

    /// Where [`Attested::find`] finds `text` first, and its count of letters and digits;
    /// with `alone`, only a place where it is not part of a longer name (see
    /// [`Attested::inside_name`]).
    fn place(&self, text: &str, outside: Outside, alone: bool) -> Option<(usize, usize)> {
        let pat = squash(text);
        let (&a, &b) = (pat.first()?, pat.get(1)?);
        let n = pat.len();
        self.word_starts(a, b)
            .filter(|&i| outside.holds(i, 2))
            .take(MAX_CANDIDATES)
            .find(|&i| {
                outside.holds(i, n)
                    && self.chars.get(i..i + n) == Some(&pat[..])
                    && self.starts(i + n).is_none_or(|s| s)
                    && !(alone && self.inside_name(i, n))
            })
            .map(|i| (i, n))
    }

    /// Where the words that start with the letters or digits `a`, `b` start, in text order.
    fn word_starts(&self, a: char, b: char) -> impl Iterator<Item = usize> + '_ {
        let key = head(a, b);
        let group = bucket(key);
        let words = match (
            self.bucket_start.get(group),
            self.bucket_start.get(group + 1),
        ) {
            (Some(&from), Some(&to)) => self.by_head.get(from..to).unwrap_or(&[]),
            _ => &[],
        };
        words
            .iter()
            .filter(move |&&(h, _)| h == key)
            .map(|&(_, i)| i)
    }

    /// Whether the words at characters `i..i + n` are part of a longer name: a word of a
    /// name ([`Attested::name_word`]) stands beside them with nothing but spaces between
    /// (`Management Company, L.P.` in `of Acme Management Company, L.P.`). Such a place is
    /// no evidence that the words are a whole cell: a cell cut short, its other words
    /// given to another column or row, reads as a piece of the name the document prints.
    fn inside_name(&self, i: usize, n: usize) -> bool {
        let spaced = |k: usize| {
            let g = self.gap(k);
            !g.is_empty() && g.chars().all(char::is_whitespace)
        };
        // The word before: back from the character before `i` to where it starts.
        let before = i.checked_sub(1).is_some_and(|mut k| {
            while self.starts(k) == Some(false) {
                match k.checked_sub(1) {
                    Some(p) => k = p,
                    None => break,
                }
            }
            spaced(i) && self.name_word(k)
        });
        before || (spaced(i + n) && self.name_word(i + n))
    }

    /// The word starting at character `k`.
    fn word_at(&self, k: usize) -> &[char] {
        let len = (1..)
            .take_while(|&m| self.starts(k + m) == Some(false))
            .count()
            + 1;
        self.chars.get(k..k + len).unwrap_or(&[])
    }

    /// Whether the word at character `k` opens a sentence (or a cell).
    fn opens_sentence(&self, k: usize) -> bool {
        k.checked_sub(1)
            .and_then(|p| self.chars.get(p))
            .is_none_or(|&c| c == CELL_END)
            || self.gap(k).contains(['.', ':', ';', '!', '?'])
    }

    /// Whether the word at character `k` is a word of a name: printed upper-case there,
    /// and, where it opens a sentence, printed upper-case inside one elsewhere and never
    /// lower-case (`Acme`; not `Represents` in `1. Represents Restricted Stock Units`,
    /// printed `represents` elsewhere, nor `The`, printed `the` elsewhere although `by The
    /// Acme Fund` prints it upper-case inside a sentence).
    fn name_word(&self, k: usize) -> bool {
        let word = self.word_at(k);
        let capital = |k: usize| self.capital.get(k).copied().unwrap_or(false);
        let Some(&first) = word.first() else {
            return false;
        };
        if first == CELL_END || !first.is_alphabetic() || !capital(k) {
            return false;
        }
        if !self.opens_sentence(k) {
            return true;
        }
        // A word of one letter opening a sentence is an article (`A`), not looked up.
        let Some(&second) = word.get(1) else {
            return false;
        };
        let (mut inside, mut lower) = (false, false);
        for j in self
            .word_starts(first, second)
            .filter(|&j| j != k)
            .take(MAX_CANDIDATES)
        {
            if self.word_at(j) == word {
                inside |= capital(j) && !self.opens_sentence(j);
                lower |= !capital(j);
            }
        }
        inside && !lower
    }

    /// Whether the document prints `text` elsewhere as words of their own, not as part
    /// of a longer name ([`Attested::inside_name`]).
    fn holds(&self, text: &str, outside: Outside) -> bool {
        self.place(text, outside, true).is_some()
    }

    /// Whether the document prints `text` elsewhere as words of their own, and breaks a
    /// word wherever `text` does (`See f ootnote` is not `See footnote`); it may break
    /// words where `text` lost the space.
    fn holds_as_words(&self, text: &str, outside: Outside) -> bool {
        let Some(doc_gaps) = self.find(text, outside) else {
            return false;
        };
        let mut k = 0usize;
        let mut broken = false;
        for c in text.chars() {
            if !c.is_alphanumeric() {
                broken |= c.is_whitespace();
                continue;
            }
            if k > 0 && broken && doc_gaps.get(k).is_none_or(|g| g.is_empty()) {
                return false;
            }
            broken = false;
            k += 1;
        }
        true
    }

    /// `text` with the spaces put back that the document prints elsewhere between its
    /// words and `text` lost (`CommonStock` where `Common Stock` is printed), if any. Only
    /// spaces are added: no letter changes and no space is taken away.
    fn respace(&self, text: &str, outside: Outside) -> Option<String> {
        let doc_gaps = self.find(text, outside)?;
        let mut out = String::with_capacity(text.len() + 4);
        let mut gap = String::new();
        let mut k = 0usize;
        let mut changed = false;
        for c in text.chars() {
            if !c.is_alphanumeric() {
                gap.push(c);
                continue;
            }
            if k > 0 {
                let doc = doc_gaps.get(k).copied().unwrap_or("");
                // Only a space lost between words or beside a bracket: a hyphen or a stop
                // beside a space is as often the other text's line break (`co-<br>trustee`)
                // as the cell's lost space.
                let printed: String = doc
                    .chars()
                    .filter(|c| !c.is_whitespace() && !matches!(c, '"' | '\u{201c}' | '\u{201d}'))
                    .collect();
                let lost = matches!(gap.as_str(), "" | "(" | ")")
                    && printed == gap
                    && doc.contains(char::is_whitespace);
                // The space goes on the side of the bracket the document puts it.
                let before = doc.starts_with(char::is_whitespace);
                if lost {
                    changed = true;
                    if before {
                        out.push(' ');
                    }
                }
                out.push_str(&gap);
                if lost && !before {
                    out.push(' ');
                }
            } else {
                out.push_str(&gap);
            }
            gap.clear();
            out.push(c);
            k += 1;
        }
        out.push_str(&gap);
        changed.then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attested(lines: &[&str]) -> Attested {
        let mut out = Attested::default();
        for l in lines {
            out.end_cell();
            out.push_text(l);
        }
        out.index();
        out
    }

    #[test]
    fn keeps_the_letters_and_digits_of_any_script_lower_cased() {
        // (text, characters kept, gap text)
        let cases: &[(&str, &str, &str)] = &[
            ("Ab-9 z", "ab9z", " - "),
            ("\0\t~ÉCOLE №5", "école5", " \0\t~ №"),
            ("Straße, Köln", "straßeköln", " , "),
        ];
        for &(text, kept, gaps) in cases {
            let doc = attested(&[text]);
            let chars: String = doc.chars.iter().filter(|&&c| c != CELL_END).collect();
            assert_eq!(chars, kept, "{text:?}");
            assert_eq!(doc.gap_text, gaps, "{text:?}");
        }
    }

    #[test]
    fn holds_whole_words_only() {
        let doc = attested(&[
            "1. Each share of Class B Common Stock converts into Class A Common Stock.",
            "See footnote (4)",
        ]);
        let cases: &[(&str, bool)] = &[
            ("Class B Common Stock", true),
            ("ClassB CommonStock", true),
            // Only as part of a longer name (`Class B Common Stock`).
            ("CommonStock", false),
            ("See footnote", true),
            // Not at word boundaries.
            ("ommon Stock", false),
            ("Common Sto", false),
            // Not across a cell's end.
            ("Stock See", false),
            ("Class C Common Stock", false),
        ];
        for &(text, want) in cases {
            assert_eq!(doc.holds(text, Outside::NOTHING), want, "{text}");
        }
    }

    /// A part's own segments are left out of its lookups, as if the document did not hold
    /// them: a text found only there is not attested, one found around them is.
    #[test]
    fn a_part_is_left_out_of_its_own_lookups() {
        let input =
            "Class A Common Stock\n\n| Warrants | Stock |\n| Units | x |\n\nPreferred Units\n";
        let tree = form4_grammar::parse(input).expect("the grammar takes any text");
        let segs = crate::text::segments(&tree);
        let texts: Vec<&str> = segs.iter().map(|s| s.text.trim()).collect();
        assert_eq!(
            texts,
            [
                "Class A Common Stock",
                "Warrants",
                "Stock",
                "Units",
                "x",
                "Preferred Units"
            ]
        );
        let doc = DocText::new(&segs);
        let cases: &[(RangeInclusive<usize>, &str, bool)] = &[
            (1..=4, "Class A Common Stock", true),
            (1..=4, "Preferred Units", true),
            (1..=4, "Warrants", false),
            (1..=4, "Units", true),
            (1..=2, "Units", true),
            (1..=2, "Warrants", false),
            (0..=0, "Class A", false),
            (0..=0, "Warrants", true),
            (5..=5, "Preferred Units", false),
            (5..=9, "Preferred Units", false),
            (1..=9, "Preferred Units", false),
            (1..=9, "Class A Common Stock", true),
            // Nothing left out.
            (RangeInclusive::new(4, 1), "Warrants", true),
            (9..=9, "Preferred Units", true),
        ];
        for (skip, text, want) in cases {
            let part = doc.skipping(skip.clone());
            assert_eq!(part.holds(text), *want, "{skip:?} {text}");
        }
    }

    /// A text printed elsewhere only as the head or tail of a longer name is no evidence
    /// of a whole cell; beside a word that only opens a sentence upper-case, it is.
    #[test]
    fn holds_no_piece_of_a_longer_name() {
        let doc = attested(&[
            "2. Each of Zephyr Partners, L.P. and Quillon Fund IV, L.P. holds units. Zephyr \
             Partners, L.P. is owned by Ardent Harbor Advisers, L.P., and Moss.",
            "3. Represents Deferred Share Rights (\"DSRs\"). Each DSR represents a right to \
             one share of the issuer.",
            "4. The Series C3 Preferred Units are held of record by The Pell Trust and \
             convert into Class Z Units.",
        ]);
        let cases: &[(&str, bool)] = &[
            // A name's tail: `Ardent`, `Quillon` are upper-case inside a sentence.
            ("Harbor Advisers, L.P.", false),
            ("Fund IV, L.P.", false),
            // `Zephyr` opens a sentence once, but is upper-case inside one elsewhere.
            ("Partners, L.P.", false),
            // A name's head: `Units` follows `Class Z` with nothing but a space.
            ("Class Z", false),
            ("Ardent Harbor Advisers, L.P.", true),
            ("Zephyr Partners, L.P.", true),
            ("Quillon Fund IV, L.P.", true),
            // `Represents` is printed lower-case elsewhere: it opens a sentence only.
            ("Deferred Share Rights (DSRs)", true),
            ("Share Rights (DSRs)", false),
            // `The` is printed lower-case elsewhere, though `by The Pell Trust` prints it
            // upper-case inside a sentence.
            ("Series C3 Preferred Units", true),
            ("Pell Trust", false),
            ("The Pell Trust", true),
            ("Class Z Units", true),
        ];
        for &(text, want) in cases {
            assert_eq!(doc.holds(text, Outside::NOTHING), want, "{text}");
        }
    }

    #[test]
    fn holds_as_words_keeps_the_text_word_breaks() {
        let doc = attested(&[
            "See footnote (4)",
            "held by Rivendell One LLC (\"Rivendell\")",
        ]);
        let cases: &[(&str, bool)] = &[
            ("See footnote", true),
            ("Rivendell One LLC", true),
            // A break the document prints and the text lost.
            ("Seefootnote", true),
            // A break inside a word the document prints whole.
            ("See f ootnote", false),
            ("Rivendell O ne LLC", false),
            ("Rivendell One", true),
            ("Rivendell Two LLC", false),
        ];
        for &(text, want) in cases {
            assert_eq!(doc.holds_as_words(text, Outside::NOTHING), want, "{text}");
        }
    }

    #[test]
    fn respace_puts_back_lost_spaces_only() {
        let doc = attested(&[
            "Restricted stock units (\"RSUs\") vest; Common Stock; FinCraft Holdings Inc. Class A",
            "held by a co- trustee",
            "By Oak (DE) LLC",
            "See footnote (4)",
        ]);
        let cases: &[(&str, Option<&str>)] = &[
            ("CommonStock", Some("Common Stock")),
            (
                "RestrictedStock Units(RSUs)",
                Some("Restricted Stock Units (RSUs)"),
            ),
            ("By Oak (DE)LLC", Some("By Oak (DE) LLC")),
            ("Seefootnote", Some("See footnote")),
            // Beside other punctuation the space may be the other text's line break.
            ("Inc.Class A", None),
            ("co-trustee", None),
            // Printed without the space elsewhere too: left alone.
            ("FinCraft", None),
            // Nothing to put back, or not printed elsewhere.
            ("Common Stock", None),
            ("PreferredStock", None),
        ];
        for &(text, want) in cases {
            assert_eq!(
                doc.respace(text, Outside::NOTHING).as_deref(),
                want,
                "{text}"
            );
        }
    }
}
