//! Measures parse throughput on synthetic inputs and on the sample corpus.
//!
//! `cargo run --release -p form4_grammar --example throughput [DIR...]`
//!
//! Times are this thread's CPU time (wall time where `/proc` is missing).

use std::time::Instant;

/// CPU time of this thread in seconds (Linux), so a busy machine does not skew the figure.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn measure(name: &str, input: &str) {
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let result = form4_grammar::parse(input);
    let secs = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => start.elapsed().as_secs_f64(),
    };
    let mb = input.len() as f64 / 1e6;
    match result {
        Ok(doc) => println!(
            "{name:<28} {mb:8.2} MB {secs:8.3} s {:9.1} MB/s  ({} blocks)",
            mb / secs,
            doc.blocks.len()
        ),
        Err(err) => println!("{name:<28} {mb:8.2} MB  ERROR {err}"),
    }
}

fn main() {
    let row = "| Common Stock 11/01/20 | | | |)20 | 20 | | | F | | 11,050<sup>(1)</sup> | D | \\$87.8 | 5,208,879 | | D<br>x &amp; y | ☒ |\n";
    let line = "1. Name and Address of Reporting Person* **Peters Allan** [link](/x?a=1&b=2) &#8217; <u>x</u>\n";
    measure("pipe rows", &row.repeat(10_000_000 / row.len()));
    measure("text lines", &line.repeat(10_000_000 / line.len()));
    measure(
        "one 10 MB line",
        &"word word, 12.5% ".repeat(10_000_000 / 17),
    );
    measure("one million pipes", &"|".repeat(1_000_000));
    measure("pipes and spaces", &"| ".repeat(5_000_000));
    measure("<a <a <a", &"<a ".repeat(3_000_000));
    measure("<!-- unclosed", &"<!-- x ".repeat(1_000_000));
    measure("[x](y", &"[x](y ".repeat(1_000_000));
    measure(
        "<input type=checkbox",
        &"<input type=checkbox ".repeat(500_000),
    );
    measure("<table> lines", &"<table>\n<tr><td>a\n".repeat(500_000));
    measure("&&&&", &"&#12".repeat(2_000_000));
    measure("\\\\\\", &"\\".repeat(5_000_000));
    measure("****", &"*_".repeat(5_000_000));
    let html = "<table><tr><td>a &amp; b</td><td colspan=\"2\">c<br/>d</td></tr>\n</table>\n";
    measure("html tables", &html.repeat(10_000_000 / html.len()));

    let mut corpus = String::new();
    for dir in std::env::args().skip(1) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let files: Vec<_> = if path.is_dir() {
                std::fs::read_dir(&path)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path())
                    .collect()
            } else {
                vec![path]
            };
            for f in files {
                if matches!(f.extension().and_then(|e| e.to_str()), Some("md" | "txt")) {
                    corpus.push_str(&std::fs::read_to_string(&f).unwrap_or_default());
                }
            }
        }
    }
    if !corpus.is_empty() {
        measure("corpus (concatenated)", &corpus);
    }
}
