//! Profiles one synthetic input: `one PATTERN COUNT`.
use pest::Parser;
fn main() {
    let pat = std::env::args().nth(1).unwrap_or_else(|| "| ".into());
    let n = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let input = match pat.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path).unwrap_or_default().repeat(n),
        None => pat.repeat(n),
    };
    let t = std::time::Instant::now();
    let pairs = form4_grammar::LayoutParser::parse(form4_grammar::Rule::document, &input);
    let t1 = t.elapsed();
    let count = pairs.map(|p| p.flatten().count()).unwrap_or(0);
    let t2 = t.elapsed();
    let doc = form4_grammar::parse(&input);
    let t3 = t.elapsed();
    println!("pest {t1:?}  flatten {:?} ({count} pairs)  full parse {:?}  blocks {}", t2 - t1, t3 - t2, doc.map(|d| d.blocks.len()).unwrap_or(0));
}
