//! Finding the form's printed labels in damaged text.
//!
//! Labels are matched on a squashed form of the text (lower-case letters and digits only),
//! so split words (`Perso | n`), stray punctuation and case are invisible, with a small
//! edit-distance budget for OCR misreadings (`Endividual`, `Fransaction`).

use crate::text::{is_spacer_glyph, squashed, squashed_len, Segment};

/// A segment index or a byte of a segment's text, as stored in [`Stream`]'s map.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A position in a run of segments: segment index and byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pos {
    pub seg: usize,
    pub byte: usize,
}

/// A label found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First character of the label.
    pub start: Pos,
    /// One past the last character.
    pub end: Pos,
    /// Edit distance to the label.
    pub cost: usize,
}

/// The squashed text of a run of segments, searchable for labels.
pub(crate) struct Stream {
    text: Vec<u8>,
    /// For each squashed byte: its byte in its segment's text, as `u32` to halve the
    /// largest map of the stream (it fits, see [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN)).
    /// Its segment is the one whose range of `seg_start` holds it.
    map: Vec<u32>,
    /// For each segment: index of its first squashed byte.
    seg_start: Vec<usize>,
    /// Where each pair of letters occurs in `text`.
    pairs: Pairs,
}

impl Stream {
    pub fn new(segs: &[Segment]) -> Self {
        let len = segs.iter().map(|s| s.text.len()).sum();
        // Sized for every byte and cut back after: a store at a counter costs less than a
        // push (which checks the capacity), and this reads every byte of the form's text.
        let mut text = vec![0u8; len];
        let mut map = vec![0u32; len];
        let mut n = 0;
        let mut seg_start = Vec::with_capacity(segs.len() + 1);
        for s in segs {
            seg_start.push(n);
            // A table lookup per byte rather than `squashed`'s tests.
            for (b, &c) in s.text.as_bytes().iter().enumerate() {
                let low = SQUASHED[usize::from(c)];
                if low != 0 && !(low == b'i' && is_spacer_glyph(&s.text, b)) {
                    if let (Some(t), Some(m)) = (text.get_mut(n), map.get_mut(n)) {
                        *t = low;
                        *m = to_u32(b);
                        n += 1;
                    }
                }
            }
        }
        text.truncate(n);
        map.truncate(n);
        seg_start.push(n);
        let pairs = Pairs::new(&text);
        Stream {
            text,
            map,
            seg_start,
            pairs,
        }
    }

    fn squashed_index(&self, p: Pos) -> usize {
        let base = self
            .seg_start
            .get(p.seg)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .seg_start
            .get(p.seg + 1)
            .copied()
            .unwrap_or(self.text.len());
        // A segment's bytes are mapped in order; a line can be long.
        base + self.map[base..end].partition_point(|&b| (b as usize) < p.byte)
    }

    /// The segment of squashed byte `i`: the last to start at or before it (segments that
    /// kept no byte start where the next one does).
    fn seg_of(&self, i: usize) -> usize {
        self.seg_start
            .partition_point(|&s| s <= i)
            .saturating_sub(1)
    }

    fn pos_of(&self, i: usize, segs: &[Segment], end: bool) -> Pos {
        if end {
            // One past the character at squashed index i-1.
            let (seg, byte) = (self.seg_of(i - 1), self.map[i - 1] as usize);
            let len = segs[seg].text[byte..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            Pos {
                seg,
                byte: byte + len,
            }
        } else {
            Pos {
                seg: self.seg_of(i),
                byte: self.map[i] as usize,
            }
        }
    }

    /// All places where `label` occurs between `from` and `to`, with at most `max_cost`
    /// edits, best first among overlapping candidates, in text order.
    pub fn find(
        &self,
        segs: &[Segment],
        label: &str,
        from: Pos,
        to: Option<Pos>,
        max_cost: usize,
    ) -> Vec<Hit> {
        self.find_by(segs, label, from, to, |_| max_cost)
    }

    /// [`Stream::find`] with the label's own edit budget ([`tolerance`]), taken from the
    /// label as squashed for the search rather than squashed again: a form is searched for
    /// some hundred labels.
    pub fn find_label(
        &self,
        segs: &[Segment],
        label: &str,
        from: Pos,
        to: Option<Pos>,
    ) -> Vec<Hit> {
        self.find_by(segs, label, from, to, budget)
    }

    /// [`Stream::find`], with the edit budget given by the squashed label's length.
    fn find_by(
        &self,
        segs: &[Segment],
        label: &str,
        from: Pos,
        to: Option<Pos>,
        max_cost: impl FnOnce(usize) -> usize,
    ) -> Vec<Hit> {
        // Labels are short: squashed on the stack (a longer one in a vector).
        let mut buf = [0u8; 256];
        let long: Vec<u8>;
        let pat: &[u8] = if label.len() <= buf.len() {
            let mut n = 0;
            for (_, c) in squashed(label) {
                buf[n] = c;
                n += 1;
            }
            &buf[..n]
        } else {
            long = squashed(label).map(|(_, c)| c).collect();
            &long
        };
        if pat.is_empty() {
            return Vec::new();
        }
        let max_cost = max_cost(pat.len());
        let lo = self.squashed_index(from);
        let hi = to.map_or(self.text.len(), |p| self.squashed_index(p));
        if lo >= hi {
            return Vec::new();
        }
        let hay = Hay {
            text: &self.text,
            pairs: &self.pairs,
            lo,
            hi,
        };
        let raw = approx_find(pat, &hay, max_cost);
        raw.into_iter()
            .map(|(s, e, cost)| {
                let mut end = self.pos_of(lo + e, segs, true);
                // Closing punctuation is part of a printed label (`Remarks:`, `Person*`,
                // `(Check all applicable)`, `4 (b)(v).`).
                let t = &segs[end.seg].text;
                while let Some(c) = t[end.byte.min(t.len())..].chars().next() {
                    if matches!(c, ':' | '*' | ')' | '.' | ',' | ';') {
                        end.byte += 1;
                    } else {
                        break;
                    }
                }
                let mut start = self.pos_of(lo + s, segs, false);
                start.byte = number_prefix_start(&segs[start.seg].text, start.byte);
                start.byte = star_prefix_start(&segs[start.seg].text, start.byte);
                Hit { start, end, cost }
            })
            .collect()
    }

    /// Extends `hit` over `tail` when the tail follows it closely (within `gap` letters),
    /// so a long title matched by its distinctive head is covered whole.
    pub fn extend(&self, segs: &[Segment], hit: &mut Hit, tail: &str, gap: usize) {
        let lo = self.squashed_index(hit.end);
        let hi = (lo + squashed_len(tail) + gap + 4).min(self.text.len());
        let to = if hi < self.text.len() {
            Some(self.pos_of(hi, segs, false))
        } else {
            None
        };
        if let Some(h) = self.find_label(segs, tail, hit.end, to).into_iter().next() {
            if self.squashed_index(h.start) <= lo + gap {
                hit.end = h.end;
            }
        }
    }

    /// The first occurrence of `label` that opens its segment (nothing but punctuation
    /// before it): section titles such as `Remarks:` stand alone, while the same words
    /// inside a value (`See Explanation of Responses`) do not.
    pub fn find_heading(
        &self,
        segs: &[Segment],
        label: &str,
        from: Pos,
        to: Option<Pos>,
    ) -> Option<Hit> {
        self.find_label(segs, label, from, to)
            .into_iter()
            .find(|h| {
                let text = &segs[h.start.seg].text;
                let opens = text[..h.start.byte].chars().all(|c| !c.is_alphanumeric());
                // `… shares. Remarks: /s/ …`: a title run into the text before it still
                // ends with its colon.
                let colon = segs[h.end.seg].text[..h.end.byte.min(segs[h.end.seg].text.len())]
                    .ends_with(':');
                opens || colon
            })
    }

    /// [`Stream::find_heading`] for a section title the form prints without a number
    /// (`Explanation of Responses:`, `Remarks:`): a number before it ends the text before
    /// it (`… included on the Reporting Person's Form 3. **Remarks:**`), so it is not
    /// taken as the title's box number. In the corpus's 720 renderings, the one number
    /// before such a title is that `Form 3.`; years before it (`2019.`) have four digits,
    /// which the number prefix never takes.
    pub fn find_unnumbered_heading(
        &self,
        segs: &[Segment],
        label: &str,
        from: Pos,
        to: Option<Pos>,
    ) -> Option<Hit> {
        let mut hit = self.find_heading(segs, label, from, to)?;
        let text = &segs[hit.start.seg].text;
        let at = hit.start.byte.min(text.len());
        let rest = &text[at..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let after = rest[digits..].trim_start_matches(['.', ':']);
            let after = after.trim_start();
            hit.start.byte = at + (rest.len() - after.len());
        }
        Some(hit)
    }

    /// Whether `label` occurs with no edit: a plain search of the squashed text, far
    /// cheaper than [`Stream::find`]'s with a wide edit budget.
    pub fn holds(&self, label: &str) -> bool {
        let pat: Vec<u8> = squashed(label).map(|(_, c)| c).collect();
        !pat.is_empty() && self.text.windows(pat.len()).any(|w| w == pat.as_slice())
    }

    /// The first occurrence of any of `labels` (tolerance from [`tolerance`]).
    pub fn find_first(
        &self,
        segs: &[Segment],
        labels: &[&str],
        from: Pos,
        to: Option<Pos>,
    ) -> Option<Hit> {
        labels
            .iter()
            .filter_map(|l| self.find_label(segs, l, from, to).into_iter().next())
            .min_by_key(|h| (h.start, h.cost))
    }
}

/// A box or column number (`1.`, `3A.`, `10.`) right before a label belongs to it: returns
/// where the number starts, or `at` when there is none.
fn number_prefix_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let trimmed = before.trim_end();
    let b = trimmed.as_bytes();
    // OCR reads `5.` as `5:` as often as not.
    let Some(stop) = b
        .len()
        .checked_sub(1)
        .filter(|&i| b[i] == b'.' || b[i] == b':')
    else {
        return at;
    };
    let mut k = stop;
    while k > 0 && stop - k < 3 && (b[k - 1].is_ascii_digit() || (k == stop && b[k - 1] == b'A')) {
        k -= 1;
    }
    let has_digit = b[k..stop].iter().any(u8::is_ascii_digit);
    if has_digit && (k == 0 || b[k - 1] == b' ') {
        k
    } else {
        at
    }
}

/// Footnote stars printed before a label (`** Signature of Reporting Person`) belong to it.
fn star_prefix_start(text: &str, at: usize) -> usize {
    let before = text[..at].trim_end();
    let rest = before.trim_end_matches('*');
    let stars = before.len() - rest.len();
    // `Person* 2. Issuer`: a star glued to a word is that word's, not this label's.
    if stars > 0 && rest.chars().last().is_none_or(char::is_whitespace) {
        before.len() - stars
    } else {
        at
    }
}

/// The edit budget for a label: none for short words, about one edit in ten letters.
///
/// Kept below the distance between the two table titles (`tableinonderivative…` and
/// `tableiiderivative…` differ by three edits).
pub(crate) fn tolerance(label: &str) -> usize {
    budget(squashed_len(label))
}

/// [`tolerance`] for a label of `n` squashed letters.
fn budget(n: usize) -> usize {
    match n {
        0..=7 => 0,
        8..=15 => 1,
        16..=29 => 2,
        _ => 3,
    }
}

/// Approximate substring search (Sellers' algorithm): every end position where `pat`
/// matches `hay` with at most `k` edits, reduced to the best non-overlapping matches.
/// Returns (start, end, cost) in `hay` indices.
fn approx_find(pat: &[u8], hay: &Hay, k: usize) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    // Occurrences that do not overlap, leftmost first, as `str::match_indices` finds them.
    let exact = || -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        hay.each_occurrence(pat, |i| {
            if found.last().is_none_or(|l| i >= l.1) {
                found.push((i, i + m, 0));
            }
        });
        found
    };
    let bytes = hay.bytes();
    if k == 0 {
        return exact();
    }
    if m <= 64 {
        return myers_find(pat, hay, k);
    }
    // Long labels (printed notes, found only to account for them): exact occurrences by
    // the standard library's substring search; otherwise places where the first 64
    // letters match, each finished by the dynamic program on a window of the label's size.
    let found = exact();
    if !found.is_empty() {
        return found;
    }
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (start, _, _) in myers_find(&pat[..64], hay, k) {
        let end = (start + m + k).min(bytes.len());
        let best = sellers_find(pat, &bytes[start..end], k)
            .into_iter()
            .filter(|c| c.0 == 0)
            .min_by_key(|c| c.2);
        if let Some((_, e, cost)) = best {
            if out.last().is_none_or(|l| start >= l.1) {
                out.push((start, start + e, cost));
            }
        }
    }
    out
}

/// Myers' bit-parallel approximate search (patterns of up to 64 letters): the end of every
/// match with at most `k` edits, found only near exact occurrences of a piece of the
/// pattern (see [`candidate_windows`]); the start of the best match of each cluster is then
/// found by the plain dynamic program on a short window.
fn myers_find(pat: &[u8], hay: &Hay, k: usize) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    let windows = candidate_windows(pat, hay, k);
    // Most labels are looked for in parts of the form that do not print them: no table
    // of the pattern's letters to set up.
    if windows.is_empty() {
        return Vec::new();
    }
    let mut peq = [0u64; 256];
    for (i, &c) in pat.iter().enumerate() {
        peq[usize::from(c)] |= 1u64 << i;
    }
    // A label mostly ends at a few neighbouring places: room for them at once rather than
    // growing the vector twice.
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(16);
    let bytes = hay.bytes();
    for (lo, hi) in windows {
        myers_ends(m, &peq, &bytes[lo..hi], k, lo, &mut ends);
    }
    // Each run of neighbouring ends is one place; its cheapest end, and the start there.
    let mut out = Vec::new();
    let mut i = 0;
    while i < ends.len() {
        let mut best = ends[i];
        let mut j = i + 1;
        while j < ends.len() && ends[j].0 <= ends[j - 1].0 + 1 {
            if ends[j].1 < best.1 {
                best = ends[j];
            }
            j += 1;
        }
        let (end, cost) = best;
        let lo = end.saturating_sub(m + k);
        // An exact match has one start; the dynamic program would find the same.
        let start = if cost == 0 {
            end.saturating_sub(m)
        } else {
            sellers_find(pat, &bytes[lo..end], k)
                .into_iter()
                .filter(|c| lo + c.1 == end)
                .min_by_key(|c| c.2)
                .map_or(end.saturating_sub(m), |c| lo + c.0)
        };
        if out
            .last()
            .is_none_or(|l: &(usize, usize, usize)| start >= l.1)
        {
            out.push((start, end, cost));
        }
        i = j;
    }
    out
}

/// The parts of `hay` that can hold a match of `pat` with at most `k` edits, in order and
/// disjoint.
///
/// Cut into `k + 1` pieces, the pattern keeps at least one piece intact in any such match
/// (an edit touches one piece at most), so every match lies around an exact occurrence of
/// a piece: from `o + k` letters before it to `m - o + k` after its start, for a piece at
/// offset `o` of a pattern of `m` letters. Scanning only those windows finds exactly the
/// matches a scan of the whole text finds (a match's window is inside one merged window,
/// and a window can only raise the cost of an end), and most labels occur a few times in
/// a document, so this skips most of it.
fn candidate_windows(pat: &[u8], hay: &Hay, k: usize) -> Vec<(usize, usize)> {
    let m = pat.len();
    let pieces = k + 1;
    let len = hay.bytes().len();
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if m < 2 * pieces {
        // Pieces of one letter find every letter: the whole text is the window.
        windows.push((0, len));
        return windows;
    }
    for p in 0..pieces {
        let (o, e) = (p * m / pieces, (p + 1) * m / pieces);
        // Overlapping occurrences too (`bdb` twice in `bdbdb`): the match may hold the
        // piece at the later one.
        hay.each_occurrence(&pat[o..e], |q| {
            let lo = q.saturating_sub(o + k);
            let hi = (q + m + k - o).min(len);
            windows.push((lo, hi));
        });
    }
    windows.sort_unstable();
    // Merged in place: `kept` windows at the front, each overlapping one folded into them.
    let mut kept: usize = 0;
    for i in 0..windows.len() {
        let (lo, hi) = windows[i];
        match kept.checked_sub(1).map(|last| &mut windows[last]) {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => {
                windows[kept] = (lo, hi);
                kept += 1;
            }
        }
    }
    windows.truncate(kept);
    windows
}

/// Each byte as [`squashed`] keeps it (lower-cased), or 0 for a byte it drops.
pub(crate) const SQUASHED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The squashed letters and digits, plus one class for anything else (never in a
/// [`Stream`], but a test may build [`Pairs`] over any bytes).
const CLASSES: usize = 37;

/// Each byte's class, looked up rather than computed: the index reads every byte of a form.
const CLASS: [u8; 256] = {
    let mut t = [36u8; 256];
    let mut i = 0;
    while i < 26 {
        t[b'a' as usize + i] = i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 26 + d as u8;
        d += 1;
    }
    t
};

fn pair_of(a: u8, b: u8) -> usize {
    usize::from(CLASS[usize::from(a)]) * CLASSES + usize::from(CLASS[usize::from(b)])
}

/// Where each pair of neighbouring bytes occurs in a squashed text, grouped by pair in text
/// order: a label's pieces are looked up here instead of building a substring searcher for
/// each piece of each label (a form is searched for some hundred labels).
pub(crate) struct Pairs {
    /// For each pair: where its positions start in `pos` (one more entry closes the last).
    start: Vec<u32>,
    /// Start of every pair of the text, grouped by pair.
    pos: Vec<u32>,
}

impl Pairs {
    pub fn new(text: &[u8]) -> Self {
        // Each pair once, not once per pass.
        let ids: Vec<u16> = text
            .windows(2)
            .map(|w| pair_of(w[0], w[1]) as u16)
            .collect();
        // Counted one slot up, so that the running sum leaves each pair's start in place.
        let mut start = vec![0u32; CLASSES * CLASSES + 1];
        for &id in &ids {
            start[usize::from(id) + 1] += 1;
        }
        let mut sum = 0;
        for s in &mut start {
            sum += *s;
            *s = sum;
        }
        let mut next = start.clone();
        let mut pos = vec![0u32; ids.len()];
        for (i, &id) in ids.iter().enumerate() {
            let slot = &mut next[usize::from(id)];
            pos[*slot as usize] = i as u32;
            *slot += 1;
        }
        Pairs { start, pos }
    }

    fn of(&self, pair: usize) -> &[u32] {
        &self.pos[self.start[pair] as usize..self.start[pair + 1] as usize]
    }

    /// How often `pair` occurs: [`Pairs::of`]'s length, without making the slice.
    fn count(&self, pair: usize) -> u32 {
        self.start[pair + 1] - self.start[pair]
    }
}

/// The part `lo..hi` of a squashed text, with the index of the whole text's pairs.
struct Hay<'a> {
    text: &'a [u8],
    pairs: &'a Pairs,
    lo: usize,
    hi: usize,
}

impl Hay<'_> {
    fn bytes(&self) -> &[u8] {
        &self.text[self.lo..self.hi]
    }

    /// Calls `f` with the start (in [`Hay::bytes`]) of every occurrence of `piece`,
    /// overlapping ones too, in text order.
    fn each_occurrence(&self, piece: &[u8], mut f: impl FnMut(usize)) {
        if piece.len() < 2 {
            if let Some(&b) = piece.first() {
                memchr::memchr_iter(b, self.bytes()).for_each(f);
            }
            return;
        }
        // The piece's rarest pair (the first of the rarest) is the one whose positions are
        // fewest to check. Asked for every piece of every label: counts are compared, and a
        // pair the text lacks ends the search.
        let mut rarest: Option<(usize, usize)> = None;
        let mut fewest = u32::MAX;
        for (j, w) in piece.windows(2).enumerate() {
            let pair = pair_of(w[0], w[1]);
            let n = self.pairs.count(pair);
            if n < fewest {
                if n == 0 {
                    return;
                }
                fewest = n;
                rarest = Some((j, pair));
            }
        }
        let Some((j, pair)) = rarest else {
            return;
        };
        let list = self.pairs.of(pair);
        let first = list.partition_point(|&p| (p as usize) < self.lo + j);
        for &p in &list[first..] {
            let q = p as usize - j;
            let end = q + piece.len();
            if end > self.hi {
                break;
            }
            if &self.text[q..end] == piece {
                f(q - self.lo);
            }
        }
    }
}

/// One pass of Myers' algorithm over `hay`: pushes `(offset + end, cost)` for every end
/// where the pattern of `m` letters (given by its letter masks `peq`) matches with at most
/// `k` edits.
fn myers_ends(
    m: usize,
    peq: &[u64; 256],
    hay: &[u8],
    k: usize,
    offset: usize,
    ends: &mut Vec<(usize, usize)>,
) {
    let mask: u64 = if m == 64 { !0 } else { (1u64 << m) - 1 };
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (mask, 0u64, m);
    for (j, &c) in hay.iter().enumerate() {
        let eq = peq[usize::from(c)];
        let xv = eq | mv;
        let xh = (((eq & pv).wrapping_add(pv)) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        // The pattern's last row goes up, down or stays (never both: `ph` and `mh` share no
        // bit); added and taken rather than branched on, as this runs for every letter
        // scanned.
        score = score + usize::from(ph & high != 0) - usize::from(mh & high != 0);
        // Not masked to the pattern's bits: every step (and, or, not, shift left, add)
        // carries bits only upwards, so what lies above bit `m - 1` never reaches it.
        ph <<= 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        if score <= k {
            ends.push((offset + j + 1, score));
        }
    }
}

/// Sellers' dynamic program: approximate matches with their starts (any pattern length).
fn sellers_find(pat: &[u8], hay: &[u8], k: usize) -> Vec<(usize, usize, usize)> {
    let m = pat.len();
    // Each cell, the best alignment of pat[..j] ending at the current hay position, packed
    // into one word: its cost above `COST`, its start in the low 32 bits (a hay is a piece
    // of a squashed text, shorter than `MAX_INPUT_LEN`). Two bits between them rank the
    // three ways into a cell, so that the least of three packed words is the cheapest
    // way, a substitution before a deletion before an insertion when they cost the same:
    // a minimum rather than branches, in the search's innermost loop (a label found with
    // edits is looked up here for its start).
    const COST: u32 = 34;
    const DEL: u64 = 1 << 32;
    const INS: u64 = 2 << 32;
    const WAYS: u64 = 3 << 32;
    let low32 = |n: usize| u64::try_from(n).unwrap_or(u64::MAX) & 0xFFFF_FFFF;
    let cost_of = |w: u64| usize::try_from(w >> COST).unwrap_or(usize::MAX);
    let start_of = |w: u64| usize::try_from(w & 0xFFFF_FFFF).unwrap_or(usize::MAX);
    let mut col: Vec<u64> = (0..=m).map(|j| low32(j) << COST).collect();
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &c) in hay.iter().enumerate() {
        let Some((first, rest)) = col.split_first_mut() else {
            break;
        };
        let mut diag = *first;
        *first = low32(i + 1);
        // Cell j - 1 of this column, carried along rather than indexed.
        let mut left = *first;
        for (&p, cj) in pat.iter().zip(rest) {
            let sub = diag + (u64::from(p != c) << COST);
            let del = *cj + (1 << COST) + DEL; // hay char unmatched
            let ins = left + (1 << COST) + INS; // pattern char missing
            let best = sub.min(del).min(ins) & !WAYS;
            diag = *cj;
            *cj = best;
            left = best;
        }
        let last = col[m];
        if cost_of(last) <= k {
            cands.push((start_of(last), i + 1, cost_of(last)));
        }
    }
    // Keep, for each cluster of overlapping candidates, the cheapest (then longest).
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for c in cands {
        match out.last_mut() {
            Some(last) if c.0 < last.1 => {
                if c.2 < last.2 || (c.2 == last.2 && c.1 - c.0 > last.1 - last.0 && c.0 == last.0) {
                    *last = c;
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_squashing_table_agrees_with_squashed() {
        for b in 0..=255u8 {
            // After a letter: an `i` alone at the start is a padding glyph, which the
            // stream leaves out by its own test.
            let want = squash(&format!("x{}", char::from(b))).get(1).copied();
            assert_eq!(SQUASHED[usize::from(b)], want.unwrap_or(0), "byte {b}");
        }
    }

    fn squash(s: &str) -> Vec<u8> {
        squashed(s).map(|(_, c)| c).collect()
    }

    /// All of `text`, indexed, as [`Stream::find`] searches it.
    fn all_of<'a>(text: &'a [u8], pairs: &'a Pairs) -> Hay<'a> {
        Hay {
            text,
            pairs,
            lo: 0,
            hi: text.len(),
        }
    }

    fn find(pat: &str, hay: &str) -> Vec<(usize, usize, usize)> {
        let (p, h) = (squash(pat), squash(hay));
        let pairs = Pairs::new(&h);
        approx_find(&p, &all_of(&h, &pairs), tolerance(pat))
    }

    #[test]
    fn damaged_labels_are_found() {
        for (label, text, found) in [
            (
                "Individual or Joint/Group Filing",
                "Endividual or Joint/Group Filing (Check",
                true,
            ),
            ("Transaction Code", "I. Fransaction Code (Instr. 3)", true),
            (
                "Table I - Non-Derivative Securities",
                "| | Table | I - N | on-Deriva | ative $ | Secu | rities",
                true,
            ),
            (
                "Name and Address of Reporting Person",
                "1. Name<br>|and Address of Reporting Perso<br>|n",
                true,
            ),
            ("Remarks", "Remark", false),
            ("Remarks", "Remarks:", true),
            (
                "Explanation of Responses",
                "Nothing like it here at all",
                false,
            ),
        ] {
            assert_eq!(
                !find(label, text).is_empty(),
                found,
                "{label:?} in {text:?}"
            );
        }
    }

    #[test]
    fn table_labels_are_told_apart() {
        let one = "Table I - Non-Derivative Securities Acquired";
        let two = "Table II - Derivative Securities Acquired";
        assert!(find("Table II - Derivative Securities", one).is_empty());
        assert!(find("Table I - Non-Derivative Securities", two).is_empty());
    }

    /// The bit-parallel search must find what the plain dynamic program finds.
    #[test]
    fn myers_agrees_with_sellers() {
        let cases = [
            (
                "Name and Address of Reporting Person",
                "xx 1. Name and Adress of Reportng Person* yy Name and Address of Reporting Person",
            ),
            ("Director", "X Directr 10% Owner Director"),
            (
                "Table II - Derivative Securities",
                "Table Il - Derivatlve Securitles Acquired",
            ),
            ("Remarks", "Remarks: none. Remarks"),
        ];
        for (label, text) in cases {
            let (p, h) = (squash(label), squash(text));
            let k = tolerance(label).max(1);
            let pairs = Pairs::new(&h);
            let a: Vec<(usize, usize)> = myers_find(&p, &all_of(&h, &pairs), k)
                .iter()
                .map(|c| (c.1, c.2))
                .collect();
            let b: Vec<(usize, usize)> =
                sellers_find(&p, &h, k).iter().map(|c| (c.1, c.2)).collect();
            assert_eq!(a, b, "{label:?} in {text:?}");
        }
    }

    /// Sellers' dynamic program as first written, branch by branch: what the packed
    /// one must agree with.
    fn sellers_plain(pat: &[u8], hay: &[u8], k: usize) -> Vec<(usize, usize, usize)> {
        let m = pat.len();
        let mut cost: Vec<usize> = (0..=m).collect();
        let mut start: Vec<usize> = vec![0; m + 1];
        let mut cands = Vec::new();
        for (i, &c) in hay.iter().enumerate() {
            let (mut diag, mut diag_start) = (cost[0], start[0]);
            cost[0] = 0;
            start[0] = i + 1;
            let (mut left, mut left_start) = (0, i + 1);
            for j in 1..=m {
                let sub = diag + usize::from(pat[j - 1] != c);
                let del = cost[j] + 1;
                let ins = left + 1;
                let (best, bstart) = if sub <= del && sub <= ins {
                    (sub, diag_start)
                } else if del <= ins {
                    (del, start[j])
                } else {
                    (ins, left_start)
                };
                (diag, diag_start) = (cost[j], start[j]);
                (cost[j], start[j]) = (best, bstart);
                (left, left_start) = (best, bstart);
            }
            if cost[m] <= k {
                cands.push((start[m], i + 1, cost[m]));
            }
        }
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for c in cands {
            match out.last_mut() {
                Some(last) if c.0 < last.1 => {
                    if c.2 < last.2
                        || (c.2 == last.2 && c.1 - c.0 > last.1 - last.0 && c.0 == last.0)
                    {
                        *last = c;
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn ends_of(
        pat: &[u8],
        hay: &[u8],
        k: usize,
        windows: &[(usize, usize)],
    ) -> Vec<(usize, usize)> {
        let mut peq = [0u64; 256];
        for (i, &c) in pat.iter().enumerate() {
            peq[usize::from(c)] |= 1u64 << i;
        }
        let mut ends = Vec::new();
        for &(lo, hi) in windows {
            myers_ends(pat.len(), &peq, &hay[lo..hi], k, lo, &mut ends);
        }
        ends
    }

    proptest::proptest! {
        /// Myers' bit-parallel scan gives every end's cost as the plain dynamic program
        /// does (the last row's cost followed step by step).
        #[test]
        fn myers_ends_agree_with_the_dynamic_program(
            pat in "[a-c]{1,64}",
            hay in "[a-c]{0,120}",
            k in 0usize..6,
        ) {
            let (pat, hay) = (pat.as_bytes(), hay.as_bytes());
            let mut cost: Vec<usize> = (0..=pat.len()).collect();
            let mut want = Vec::new();
            for (i, &c) in hay.iter().enumerate() {
                let mut diag = cost[0];
                for j in 1..=pat.len() {
                    let best = (diag + usize::from(pat[j - 1] != c))
                        .min(cost[j] + 1)
                        .min(cost[j - 1] + 1);
                    diag = cost[j];
                    cost[j] = best;
                }
                if cost[pat.len()] <= k {
                    want.push((i + 1, cost[pat.len()]));
                }
            }
            proptest::prop_assert_eq!(ends_of(pat, hay, k, &[(0, hay.len())]), want);
        }

        /// The packed dynamic program finds the matches, starts and costs the plain one
        /// finds (ties broken alike).
        #[test]
        fn packed_sellers_agrees_with_plain(
            pat in "[a-d]{1,20}",
            hay in "[a-d]{0,60}",
            k in 0usize..5,
        ) {
            let (pat, hay) = (pat.as_bytes(), hay.as_bytes());
            proptest::prop_assert_eq!(sellers_find(pat, hay, k), sellers_plain(pat, hay, k));
        }

        /// The pair index finds every occurrence of a piece, overlapping ones too, in any
        /// part of the text, as a scan of that part does.
        #[test]
        fn pairs_find_every_occurrence(
            text in "[a-c0-1]{0,80}",
            piece in "[a-c0-1]{1,4}",
            lo in 0usize..80,
            len in 0usize..80,
        ) {
            let text = text.as_bytes();
            let piece = piece.as_bytes();
            let lo = lo.min(text.len());
            let hi = (lo + len).min(text.len());
            let pairs = Pairs::new(text);
            let hay = Hay { text, pairs: &pairs, lo, hi };
            let mut found = Vec::new();
            hay.each_occurrence(piece, |q| found.push(q));
            let scanned: Vec<usize> = (0..(hi - lo + 1).saturating_sub(piece.len()))
                .filter(|&q| &text[lo + q..lo + q + piece.len()] == piece)
                .collect();
            proptest::prop_assert_eq!(found, scanned);
        }

        /// Scanning only the windows around pieces of the pattern finds every match end,
        /// with its cost, that a scan of the whole text finds. The text holds a copy of
        /// the pattern with up to three edits, so there is a near match to find.
        #[test]
        fn windows_lose_no_match(
            pat in "[a-h]{2,40}",
            before in "[a-h]{0,100}",
            after in "[a-h]{0,100}",
            edits in proptest::collection::vec((0usize..40, 0u8..3, b'a'..=b'h'), 0..4),
            k in 0usize..4,
        ) {
            let mut copy = pat.as_bytes().to_vec();
            for (at, op, c) in edits {
                let at = at % (copy.len() + 1);
                match op {
                    0 => copy.insert(at, c),
                    1 if at < copy.len() => { copy.remove(at); }
                    _ if at < copy.len() => copy[at] = c,
                    _ => {}
                }
            }
            let hay = [before.as_bytes(), &copy, after.as_bytes()].concat();
            let pat = pat.as_bytes();
            let whole = ends_of(pat, &hay, k, &[(0, hay.len())]);
            let pairs = Pairs::new(&hay);
            let windows = candidate_windows(pat, &all_of(&hay, &pairs), k);
            let windowed = ends_of(pat, &hay, k, &windows);
            proptest::prop_assert_eq!(whole, windowed);
        }
    }
}
