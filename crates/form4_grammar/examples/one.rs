//! Profiles one synthetic input.
fn main() {
    let input = "word word, 12.5% ".repeat(10_000_000 / 17);
    let t = std::time::Instant::now();
    let doc = form4_grammar::parse(&input);
    println!("{:?} {}", t.elapsed(), doc.map(|d| d.blocks.len()).unwrap_or(0));
}
