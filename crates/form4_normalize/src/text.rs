//! From layout tree to text segments: the smallest pieces of text the converters keep apart.
//!
//! A segment is a cell's content up to a `<br>`/`<hr>`, or a whole line outside tables.
//! Markup is dropped, escapes and entities are decoded, checkboxes become `☒`/`☐`, and
//! every character keeps the byte offset it came from, so coverage can be accounted.

use form4_grammar::{Block, Document, Inline, InlineKind, Span};

/// Where a segment sits in the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// Index of the block (table or line) in the document.
    pub block: usize,
    /// Row within a table (0 for a line).
    pub row: usize,
    /// Cell within the row (0 for a line).
    pub cell: usize,
    /// Piece of the cell between `<br>`s.
    pub piece: usize,
    /// True when the block is a table.
    pub in_table: bool,
    /// Number of cells in the row (1 for a line).
    pub ncells: usize,
}

/// The table row under `row`: a table's second line is its rule (row 1), so the row under
/// the first is row 2.
pub(crate) fn row_below(row: usize) -> usize {
    if row == 0 {
        2
    } else {
        row + 1
    }
}

/// The table row above `row` (none above the first; see [`row_below`]).
pub(crate) fn row_above(row: usize) -> Option<usize> {
    match row {
        0 | 1 => None,
        2 => Some(0),
        r => Some(r - 1),
    }
}

/// A piece of text with a byte-offset map back into the source.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub text: String,
    /// For each byte of `text`, the source offset of the character it belongs to (every
    /// byte of a character maps to the character's first source byte). `u32`, not
    /// `usize`: this map is the largest structure of the pipeline, one entry per byte of
    /// text, and inputs are at most [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN) bytes long.
    pub offsets: Vec<u32>,
    pub place: Place,
    /// Emphasis delimiters seen; a lone `**` is a footnote star, not emphasis.
    emphasis: u8,
    /// Plain text seen before the first emphasis delimiter (bit 1) and after a closed
    /// emphasis (bit 2).
    plain_around: u8,
    /// Bytes of `text` where a piece glued on by [`Segment::glue`] begins: the source is
    /// not contiguous there.
    pub joins: Vec<usize>,
}

impl Segment {
    fn new(place: Place) -> Self {
        Segment {
            text: String::new(),
            offsets: Vec::new(),
            place,
            emphasis: 0,
            plain_around: 0,
            joins: Vec::new(),
        }
    }

    /// Appends `s`; its characters map one to one onto the source from `src_start`, or
    /// all to `src_start` (a decoded escape or entity).
    fn push_str(&mut self, s: &str, src_start: usize, one_to_one: bool) {
        self.text.push_str(s);
        let ascii_end = u32::try_from(src_start + s.len())
            .ok()
            .filter(|_| s.is_ascii());
        if !one_to_one {
            self.offsets.resize(self.text.len(), offset32(src_start));
        } else if let Some(end) = ascii_end {
            self.offsets.extend(offset32(src_start)..end);
        } else {
            for (i, ch) in s.char_indices() {
                let src = offset32(src_start + i);
                self.offsets.extend(std::iter::repeat_n(src, ch.len_utf8()));
            }
        }
    }

    /// Makes room for the text of `inlines` up to the next line break (a segment's text
    /// comes in many small pieces).
    fn reserve_piece(&mut self, inlines: &[Inline<'_>]) {
        let len = inlines
            .iter()
            .take_while(|i| !matches!(i.kind, InlineKind::LineBreak | InlineKind::Rule))
            .map(|i| i.raw.len())
            .sum();
        self.text.reserve(len);
        self.offsets.reserve(len);
    }

    /// Appends `other`'s text, after a space when `space` (the space maps to the first
    /// character of `other`).
    pub fn glue(&mut self, other: &Segment, space: bool) {
        if let (true, Some(&at)) = (space, other.offsets.first()) {
            self.text.push(' ');
            self.offsets.push(at);
        }
        let at = self.text.len();
        self.joins.push(at);
        self.joins.extend(other.joins.iter().map(|j| at + j));
        self.text.push_str(&other.text);
        self.offsets.extend_from_slice(&other.offsets);
        self.emphasis = self.emphasis.max(other.emphasis);
        self.plain_around |= other.plain_around;
    }

    /// The segment holds emphasized text (`**bold**`, an opening and a closing
    /// delimiter): likely the form's printed labels.
    pub fn bold(&self) -> bool {
        self.emphasis >= 2
    }

    /// Emphasized words inside a run of plain text (`2. Issuer Name**and**Ticker`):
    /// pymupdf4llm's mark of one word printed in another font, not of a bold caption.
    fn emphasis_inside_plain(&self) -> bool {
        self.plain_around == 3
    }

    /// Source span of the byte range `a..b` of `text`.
    pub fn src_span(&self, a: usize, b: usize) -> Span {
        if self.offsets.is_empty() {
            return Span::new(0, 0);
        }
        let last = self.offsets.len() - 1;
        let start = self.offsets[a.min(last)] as usize;
        let mut end_idx = b.saturating_sub(1).min(last);
        // End after the whole last character, not inside it (every byte of a character
        // maps to the character's first source byte).
        while end_idx > 0 && !self.text.is_char_boundary(end_idx) {
            end_idx -= 1;
        }
        let ch_len = self.text[end_idx..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let end = self.offsets[end_idx] as usize + ch_len;
        Span::new(start, end.max(start))
    }

    /// Source span of the whole trimmed text.
    pub fn span(&self) -> Span {
        self.src_span(0, self.text.len())
    }

    fn finish(mut self) -> Option<Self> {
        // A delimiter row flattened into a cell (`| --- | --- |`) is markup, not text.
        if self
            .text
            .chars()
            .all(|c| matches!(c, '-' | ':' | '|' | '=') || c.is_whitespace())
        {
            return None;
        }
        // Rules drawn as text (`---` left by a flattened nested table) are markup too.
        if self.text.contains('-') && self.text.contains("---") {
            let mut text = String::with_capacity(self.text.len());
            let mut offsets = Vec::with_capacity(self.offsets.len());
            let mut i = 0;
            let bytes = self.text.as_bytes();
            while i < bytes.len() {
                let start = i;
                if bytes[i] == b'-' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
                    while i < bytes.len() && bytes[i] == b'-' {
                        i += 1;
                    }
                    if i - start >= 3 && (i == bytes.len() || bytes[i].is_ascii_whitespace()) {
                        continue;
                    }
                    i = start;
                }
                let ch_len = self.text[i..].chars().next().map_or(1, char::len_utf8);
                text.push_str(&self.text[i..i + ch_len]);
                offsets.extend_from_slice(&self.offsets[i..i + ch_len]);
                i += ch_len;
            }
            self.text = text;
            self.offsets = offsets;
        }
        // Trim, keeping the offset map aligned.
        let lead = self.text.len() - self.text.trim_start().len();
        let trail = self.text.len() - self.text.trim_end().len();
        if lead + trail >= self.text.len() {
            return None;
        }
        let end = self.text.len() - trail;
        self.text.truncate(end);
        self.text.drain(..lead);
        self.offsets.truncate(end);
        self.offsets.drain(..lead);
        Some(self)
    }
}

/// A source offset as stored in [`Segment::offsets`]. `normalize` refuses inputs longer
/// than [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN) before making segments, so the conversion
/// is exact.
fn offset32(src: usize) -> u32 {
    u32::try_from(src).unwrap_or(u32::MAX)
}

/// Splits a document into segments, in reading order.
pub(crate) fn segments(doc: &Document<'_>) -> Vec<Segment> {
    // About one segment per cell and per line: room for them at once, as a segment is large
    // to copy when the vector grows.
    let cells: usize = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.rows.iter().map(|r| r.cells.len()).sum(),
            Block::Line(_) => 1,
        })
        .sum();
    let mut out = Vec::with_capacity(cells);
    for (bi, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Table(t) => {
                for (ri, row) in t.rows.iter().enumerate() {
                    if row.is_separator {
                        continue;
                    }
                    let row_start = out.len();
                    for (ci, cell) in row.cells.iter().enumerate() {
                        let place = Place {
                            block: bi,
                            row: ri,
                            cell: ci,
                            piece: 0,
                            in_table: true,
                            ncells: row.cells.len(),
                        };
                        split_inlines(&cell.inlines, place, &mut out);
                    }
                    reorder_row(&mut out[row_start..]);
                }
            }
            Block::Line(line) => {
                let place = Place {
                    block: bi,
                    row: 0,
                    cell: 0,
                    piece: 0,
                    in_table: false,
                    ncells: 1,
                };
                let mut seg = Segment::new(place);
                if let Some(m) = line.marker {
                    // An ordered marker (`1.`) can be a footnote number: keep it as text.
                    if m.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                        let start = line.span.start;
                        seg.push_str(m, start, true);
                        seg.push_str(" ", start + m.len(), false);
                    }
                }
                push_inlines(&line.inlines, &mut seg, place, &mut out);
                if let Some(s) = seg.finish() {
                    out.push(s);
                }
            }
        }
    }
    // Segments are many (one per cell) and live through the whole normalization.
    out.shrink_to_fit();
    out
}

/// Puts a table row's segments in reading order.
///
/// Emphasized text is the form's printed labels. When a converter's grid cuts across the
/// form's boxes, one row can hold both the last values of a table and, in bold, the next
/// caption cut into pieces (`Common Stock<br>**Tabl** | **e II - Derivati**<br>**(e.g., pu**`).
/// The values are read first, in cell order; the labels then line by line across the
/// cells (the k-th bold line of each cell), which puts cut words back together. A bold
/// word inside plain text is no caption piece: its segment keeps its place, or a caption
/// printed plain with one word in bold would be read after the value under it.
fn reorder_row(row: &mut [Segment]) {
    let caption = |s: &Segment| s.bold() && !s.emphasis_inside_plain();
    if !row.iter().any(caption) {
        return;
    }
    let mut keyed: Vec<((bool, usize, usize, usize), Segment)> = Vec::with_capacity(row.len());
    let mut bold_rank: Vec<(usize, usize)> = Vec::new(); // (cell, bold pieces seen)
    for (i, s) in row.iter().enumerate() {
        let key = if caption(s) {
            let cell = s.place.cell;
            let k = match bold_rank.iter_mut().find(|(c, _)| *c == cell) {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    bold_rank.push((cell, 1));
                    0
                }
            };
            (true, k, cell, i)
        } else {
            (false, 0, 0, i)
        };
        keyed.push((key, s.clone()));
    }
    keyed.sort_by_key(|(k, _)| *k);
    for (slot, (_, s)) in row.iter_mut().zip(keyed) {
        *slot = s;
    }
}

fn split_inlines(inlines: &[Inline<'_>], place: Place, out: &mut Vec<Segment>) {
    let mut seg = Segment::new(place);
    push_inlines(inlines, &mut seg, place, out);
    if let Some(s) = seg.finish() {
        out.push(s);
    }
}

/// Appends inline tokens to `seg`; at a line break the segment is closed and a new one begun.
fn push_inlines(inlines: &[Inline<'_>], seg: &mut Segment, place: Place, out: &mut Vec<Segment>) {
    let mut piece = place.piece;
    let mut sup_depth = 0usize;
    let mut sup_start: Option<usize> = None;
    seg.reserve_piece(inlines);
    for (k, inl) in inlines.iter().enumerate() {
        let s = inl.span.start;
        match &inl.kind {
            InlineKind::Text => {
                // Not `trim().is_empty()`: that reads a padded cell's trailing spaces too,
                // where the first letter decides.
                if !inl.raw.chars().all(char::is_whitespace) {
                    if seg.emphasis == 0 {
                        seg.plain_around |= 1;
                    } else if seg.emphasis % 2 == 0 {
                        seg.plain_around |= 2;
                    }
                }
                seg.push_str(inl.raw, s, true)
            }
            InlineKind::Escape(c) => {
                let mut b = [0u8; 4];
                seg.push_str(c.encode_utf8(&mut b), s + 1, false);
            }
            InlineKind::Entity(t) => seg.push_str(t, s, false),
            InlineKind::CharRef(c) => {
                let mut b = [0u8; 4];
                seg.push_str(c.encode_utf8(&mut b), s, false);
            }
            InlineKind::LineBreak | InlineKind::Rule => {
                let done = std::mem::replace(seg, Segment::new(Place { piece, ..place }));
                if let Some(d) = done.finish() {
                    out.push(d);
                }
                piece += 1;
                seg.place.piece = piece;
                seg.reserve_piece(&inlines[k + 1..]);
                // A superscript running over the break goes on in the new segment.
                if sup_depth > 0 {
                    sup_start = Some(0);
                }
            }
            InlineKind::Checkbox { checked } | InlineKind::CheckboxGlyph { checked } => {
                let g = if *checked { " ☒ " } else { " ☐ " };
                seg.push_str(g, s, false);
            }
            InlineKind::OpenTag(name) => {
                if name.eq_ignore_ascii_case("sup") {
                    sup_depth += 1;
                    if sup_depth == 1 {
                        sup_start = Some(seg.text.len());
                    }
                }
            }
            InlineKind::CloseTag(name) => {
                if name.eq_ignore_ascii_case("sup") && sup_depth > 0 {
                    sup_depth -= 1;
                    if sup_depth == 0 {
                        if let Some(st) = sup_start.take() {
                            bracket_superscript(seg, st, s);
                        }
                    }
                }
            }
            InlineKind::Emphasis => {
                seg.emphasis = seg.emphasis.saturating_add(1);
            }
            InlineKind::Comment(_) => {}
            InlineKind::Link { text, .. } => {
                // The link text sits after the `[`.
                push_link_text(seg, text, s + 1);
            }
        }
    }
}

/// A link's text, which the grammar keeps as written, with its HTML entities decoded
/// (`Oil &amp; Gas` is `Oil & Gas`, as it would be outside a link).
fn push_link_text(seg: &mut Segment, text: &str, src: usize) {
    let mut done = 0;
    let mut from = 0;
    while let Some(amp) = text[from..].find('&').map(|i| from + i) {
        // Named entities are short: look for the `;` within a few characters only.
        let end = text[amp..]
            .char_indices()
            .take(10)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| amp + i + 1);
        let Some((end, decoded)) =
            end.and_then(|e| form4_grammar::decode_entity(&text[amp..e]).map(|d| (e, d)))
        else {
            from = amp + 1;
            continue;
        };
        seg.push_str(&text[done..amp], src + done, true);
        seg.push_str(decoded, src + amp, false);
        done = end;
        from = end;
    }
    seg.push_str(&text[done..], src + done, true);
}

/// `<sup>1</sup>` and `<sup>1,2</sup>` are footnote marks: write them as `(1)`/`(1)(2)` so
/// the value lexer sees one notation.
fn bracket_superscript(seg: &mut Segment, start: usize, src: usize) {
    let Some(inner) = seg.text.get(start..) else {
        return;
    };
    let trimmed = inner.trim();
    if trimmed.is_empty()
        || trimmed.starts_with('(')
        || !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
    {
        return;
    }
    // Each id keeps its digits' own source offsets, and its brackets those of its first
    // and last digits, so that a mark's span covers all of the mark as printed.
    let mut ids: Vec<(String, Vec<usize>)> = Vec::new();
    let mut in_id = false;
    for (i, c) in inner.char_indices() {
        let at = seg.offsets.get(start + i).map_or(src, |&o| o as usize);
        match ids.last_mut() {
            Some((id, offs)) if in_id && c.is_ascii_digit() => {
                id.push(c);
                offs.push(at);
            }
            _ if c.is_ascii_digit() => ids.push((c.to_string(), vec![at])),
            _ => {}
        }
        in_id = c.is_ascii_digit();
    }
    seg.text.truncate(start);
    seg.offsets.truncate(start);
    for (id, offs) in ids {
        let (first, last) = (offs.first().copied(), offs.last().copied());
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        seg.push_str("(", first, false);
        for (c, at) in id.chars().zip(offs) {
            seg.push_str(c.encode_utf8(&mut [0u8; 4]), at, false);
        }
        seg.push_str(")", last, false);
    }
}

/// Lower-case letters and digits only, each with its byte offset in `s`.
///
/// Labels are matched on this form so that split words (`Perso n`), stray punctuation and
/// case do not matter. ASCII letters and digits are never part of a longer UTF-8
/// character, so the bytes can be read one by one.
pub(crate) fn squashed(s: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    s.bytes()
        .enumerate()
        // `i` first: the spacer test looks back and ahead, and most bytes are no `i`.
        .filter(|&(i, b)| b.is_ascii_alphanumeric() && (b != b'i' || !is_spacer_glyph(s, i)))
        .map(|(i, b)| (i, b.to_ascii_lowercase()))
}

/// How many bytes [`squashed`] keeps of `s`.
pub(crate) fn squashed_len(s: &str) -> usize {
    squashed(s).count()
}

/// An `i` alone after a run of spaces (or alone at the start of a piece), a word of its
/// own: a glyph pymupdf4llm prints where a PDF's text is padded to a cell's width
/// (`Table I - No      i`, `i wned`), in the middle of the titles it cuts. It is no letter
/// of the text, so labels are matched without it (with it, exact text would read as OCR'd).
pub(crate) fn is_spacer_glyph(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'i') {
        return false;
    }
    let spaced = i == 0 || (i >= 2 && b[i - 2..i].iter().all(|&c| c == b' '));
    spaced && b.get(i + 1).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The two parts of a word that a cut of a converter's grid split between two cells
/// (`Vice P` | `resident` → `P`, `resident`): the letters ending `left` and those starting
/// `right`.
pub(crate) fn cut_word<'a>(left: &'a str, right: &'a str) -> (&'a str, &'a str) {
    let head_at = left
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(left.len(), |(i, _)| i);
    let tail_len = right
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(right.len(), |(i, _)| i);
    (&left[head_at..], &right[..tail_len])
}

/// A word's ASCII letters, lower-cased (`(Middle)` → `middle`): how printed captions are
/// compared when a converter cut them or glued marks to them.
pub(crate) fn ascii_letters(w: &str) -> String {
    w.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The runs of three letters or more in a text: its words, as OCR's debris (`(7x8) JO)`,
/// `a (au`) has letters but no such run.
pub(crate) fn real_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
}

/// Collapses runs of whitespace to one space and trims.
/// [`clean_spaces`] of a text of one's own: returned as it is when it is already clean, as
/// most texts put together word by word are (no copy).
pub(crate) fn clean_spaces_owned(s: String) -> String {
    let mut space_before = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || space_before {
                return clean_spaces(&s);
            }
            space_before = true;
        } else {
            space_before = false;
        }
    }
    if space_before && !s.is_empty() {
        return clean_spaces(&s);
    }
    s
}

pub(crate) fn clean_spaces(s: &str) -> String {
    // Written out rather than collected and joined: asked of most texts the record holds.
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link's text has its entities decoded like any other text; what only looks like
    /// an entity stays as written, and every byte keeps a source offset.
    #[test]
    fn a_link_text_has_its_entities_decoded() {
        let input = "| [Oil &amp; Gas &amp Co &foo; &#39;A&#39;](/cgi?a=1&CIK=2) |\n";
        let doc = form4_grammar::parse(input).expect("the grammar takes any text");
        let segs = segments(&doc);
        let text: Vec<&str> = segs.iter().map(|s| s.text.trim()).collect();
        assert_eq!(text, ["Oil & Gas &amp Co &foo; 'A'"]);
        assert!(segs.iter().all(|s| s.offsets.len() == s.text.len()));
        let gas = segs[0].text.find("Gas").expect("Gas");
        assert_eq!(
            segs[0].offsets[gas] as usize,
            input.find("Gas").expect("Gas")
        );
    }

    /// A clean text is kept as it is; any other comes out as [`clean_spaces`] makes it.
    #[test]
    fn clean_spaces_owned_agrees_with_clean_spaces() {
        let cases = [
            "", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "\u{3000}", "é b c",
        ];
        for s in cases {
            assert_eq!(clean_spaces_owned(s.to_string()), clean_spaces(s), "{s:?}");
        }
    }

    /// pymupdf4llm's padding glyph is not a letter of a label; a word `i` is.
    #[test]
    fn squashed_text_leaves_out_the_padding_glyph() {
        let check = |s: &str, want: &str| {
            let got: String = squashed(s).map(|(_, c)| char::from(c)).collect();
            assert_eq!(got, want, "{s:?}");
            assert_eq!(squashed_len(s), want.len(), "{s:?}");
        };
        check("Table I - No      i", "tableino");
        check("n-Derivativ  i", "nderivativ");
        check("i wned", "wned");
        check("Fund II, i.e. ten", "fundiiieten");
        check("Series i", "seriesi");
        check("Table I -   ii", "tableiii");
    }

    /// Found by fuzzing: a superscript left open over a `<br>` used an offset of the
    /// segment before the break.
    #[test]
    fn superscript_over_a_line_break() {
        for input in [
            "| Common Stock with a long text before the mark <sup>1<br>2</sup> | x |\n",
            "| a long long long long long text <sup>open<br><br>x</sup> |\n",
            "text before <sup>never closed<br>",
        ] {
            let doc = form4_grammar::parse(input).expect("the grammar takes any text");
            let segs = segments(&doc);
            assert!(
                segs.iter().all(|s| s.offsets.len() == s.text.len()),
                "{input:?}"
            );
        }
    }

    /// A caption printed plain with one word in bold (pymupdf4llm's `Name**and**Ticker`)
    /// keeps its place before the value under it; a caption cut into bold pieces is still
    /// read after the row's values.
    #[test]
    fn a_bold_word_inside_a_plain_caption_keeps_its_place() {
        let check = |input: &str, want: &[&str]| {
            let doc = form4_grammar::parse(input).expect("the grammar takes any text");
            let text: Vec<String> = segments(&doc)
                .iter()
                .map(|s| s.text.trim().to_string())
                .collect();
            assert_eq!(text, want, "{input:?}");
        };
        check(
            "|1. Name<br>DOE JOHN||2. Issuer Name**and**Ticker<br>Acme Inc.[ACME]|\n",
            &[
                "1. Name",
                "DOE JOHN",
                "2. Issuer NameandTicker",
                "Acme Inc.[ACME]",
            ],
        );
        check(
            "|Common Stock<br>**Tabl**|**e II**<br>x|\n",
            &["Common Stock", "x", "Tabl", "e II"],
        );
    }
}
