//! `form4 parse`: one file, or a batch streamed in parallel with output in input order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use form4::export::{self, csv::DataSetWriter, jsonl, xml, CikMap};
use form4::Record;
use indicatif::{ProgressBar, ProgressStyle};

use super::inputs::{self, Input};
use super::{Format, ParseArgs};

/// `form4 parse`.
pub(crate) fn parse(args: ParseArgs) -> ExitCode {
    let single = inputs::is_single_file(&args.inputs);
    let format = args
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let ciks = match &args.cik_map {
        Some(p) => match CikMap::load(p) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("form4: {e}");
                return ExitCode::from(2);
            }
        },
        None => CikMap::default(),
    };
    if matches!(format, Format::Csv) && args.output.is_none() {
        eprintln!("form4: --format csv writes one file per table: give --output DIR");
        return ExitCode::from(2);
    }
    if single && format != Format::Csv {
        return parse_one(&args, format, &ciks);
    }
    if format == Format::Xml && args.output.is_none() {
        eprintln!(
            "form4: --format xml with several inputs writes one document each: give --output DIR"
        );
        return ExitCode::from(2);
    }
    batch(&args, format, &ciks)
}

/// The one-record contract: the record on stdout (or --output), exit 1 and the reason on
/// stderr when the input is not a form (with the line it points at, when it points at one).
fn parse_one(args: &ParseArgs, format: Format, ciks: &CikMap) -> ExitCode {
    let source = args.inputs.first().cloned().unwrap_or_default();
    std::panic::set_hook(Box::new(|_| {}));
    let input = Input::File(PathBuf::from(&source));
    let parsed = std::panic::catch_unwind(|| read_and_parse(&input, args.strict))
        .unwrap_or_else(|payload| Err(Failed::internal(&*payload)));
    let record = match parsed {
        Ok((record, _)) => record,
        Err(e) => {
            e.print(&source);
            return ExitCode::from(1);
        }
    };
    let text = match format {
        Format::Json if args.compact => serde_json::to_string(&record).map(|s| s + "\n"),
        Format::Json => serde_json::to_string_pretty(&record).map(|s| s + "\n"),
        Format::Jsonl => Ok(jsonl::record_line(&source, &record)),
        Format::Xml => Ok(xml::to_string(&record, ciks, Some(&source))),
        Format::Csv => Ok(String::new()),
    };
    let written = text
        .map_err(io::Error::from)
        .and_then(|t| match &args.output {
            Some(p) => std::fs::write(p, t),
            None => io::stdout().lock().write_all(t.as_bytes()),
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("form4: writing the record: {e}");
            ExitCode::from(1)
        }
    }
}

/// Why an input gave no record.
struct Failed {
    /// A one-line reason.
    message: String,
    /// The line and column the reason points at, when it points into the input.
    at: Option<(usize, usize)>,
    /// The reason with the offending line of the input, for stderr.
    report: Option<String>,
}

impl Failed {
    fn new(message: impl Into<String>) -> Self {
        Failed {
            message: message.into(),
            at: None,
            report: None,
        }
    }

    fn internal(payload: &(dyn std::any::Any + Send)) -> Self {
        Failed::new(format!("internal error: {}", panic_message(payload)))
    }

    /// Writes the reason on stderr: the report when there is one, else one line.
    fn print(&self, source: &str) {
        match &self.report {
            Some(report) => eprint!("{report}"),
            None => eprintln!("form4: {source}: {}", self.message),
        }
    }
}

/// Reads at most [`form4::MAX_INPUT_LEN`] bytes (one more, to tell that there are more).
fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(form4::MAX_INPUT_LEN as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and parses one input. Returns the record and the input's size in bytes.
fn read_and_parse(input: &Input, strict: bool) -> Result<(Record, u64), Failed> {
    let io_failed = |e: io::Error| Failed::new(e.to_string());
    let bytes = match input {
        Input::File(p) => {
            let file = File::open(p).map_err(io_failed)?;
            // A file over the limit is refused before it is read into memory.
            let len = file.metadata().map_err(io_failed)?.len();
            if len > form4::MAX_INPUT_LEN as u64 {
                return Err(Failed::new(format!(
                    "the file is {len} bytes long; at most {} bytes are read",
                    form4::MAX_INPUT_LEN
                )));
            }
            read_limited(file).map_err(io_failed)?
        }
        Input::Stdin => read_limited(io::stdin().lock()).map_err(io_failed)?,
        Input::Missing { reason, .. } => return Err(Failed::new(reason.clone())),
    };
    let record = form4::parse_bytes(&bytes).map_err(|e| {
        // The report shows the text that was parsed: invalid UTF-8 decoded as it was.
        let text = String::from_utf8_lossy(&bytes);
        Failed {
            message: e.to_string(),
            at: Some((e.line(), e.column())),
            report: Some(e.render(&text, &input.source())),
        }
    })?;
    if strict {
        if let Some(w) = record.diagnostics.warnings.first() {
            return Err(Failed::new(format!(
                "{} warning(s) under --strict, first: {}",
                record.diagnostics.warnings.len(),
                w.message
            )));
        }
    }
    Ok((record, bytes.len() as u64))
}

/// What a worker hands the writer.
struct Done {
    source: String,
    bytes: u64,
    outcome: Result<Parsed, Failed>,
}

struct Parsed {
    record: Record,
    /// The output text made by the worker (JSON line, JSON value, XML); empty for csv.
    rendered: String,
}

fn process(input: Input, format: Format, args: &ParseArgs, ciks: &CikMap) -> Done {
    let source = input.source();
    // A bug on one input must not end the batch: a panic becomes this input's failure.
    let parsed = std::panic::catch_unwind(|| read_and_parse(&input, args.strict))
        .unwrap_or_else(|payload| Err(Failed::internal(&*payload)));
    let (outcome, bytes) = match parsed {
        Ok((record, bytes)) => {
            let rendered = match format {
                Format::Jsonl => jsonl::record_line(&source, &record),
                Format::Json => {
                    let s = jsonl::Sourced {
                        source: &source,
                        record: &record,
                    };
                    let r = if args.compact {
                        serde_json::to_string(&s)
                    } else {
                        serde_json::to_string_pretty(&s)
                    };
                    r.unwrap_or_default()
                }
                Format::Xml => xml::to_string(&record, ciks, Some(&source)),
                Format::Csv => String::new(),
            };
            (Ok(Parsed { record, rendered }), bytes)
        }
        Err(e) => (Err(e), 0),
    };
    Done {
        source,
        bytes,
        outcome,
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Where results go, in input order.
enum Sink {
    Lines(BufWriter<Box<dyn Write + Send>>),
    Array {
        out: BufWriter<Box<dyn Write + Send>>,
        first: bool,
    },
    Csv {
        tables: DataSetWriter<File>,
        errors: ::csv::Writer<File>,
    },
    XmlDir {
        dir: PathBuf,
        errors: ::csv::Writer<File>,
    },
}

fn errors_file(dir: &Path, delimiter: u8) -> io::Result<::csv::Writer<File>> {
    let ext = if delimiter == b'\t' { "tsv" } else { "csv" };
    std::fs::create_dir_all(dir)?;
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_path(dir.join(format!("ERRORS.{ext}")))?;
    w.write_record(["SOURCE", "ERROR"])?;
    Ok(w)
}

impl Sink {
    fn open(args: &ParseArgs, format: Format) -> Result<Sink, String> {
        let delimiter = if args.tsv { b'\t' } else { b',' };
        let out = || -> Result<BufWriter<Box<dyn Write + Send>>, String> {
            let w: Box<dyn Write + Send> = match &args.output {
                Some(p) => Box::new(File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
                None => Box::new(io::stdout()),
            };
            Ok(BufWriter::with_capacity(1 << 16, w))
        };
        let dir = args.output.clone().unwrap_or_default();
        Ok(match format {
            Format::Jsonl => Sink::Lines(out()?),
            Format::Json => Sink::Array {
                out: out()?,
                first: true,
            },
            Format::Csv => Sink::Csv {
                tables: DataSetWriter::create(&dir, delimiter).map_err(|e| e.to_string())?,
                errors: errors_file(&dir, delimiter)
                    .map_err(|e| format!("{}: {e}", dir.display()))?,
            },
            Format::Xml => Sink::XmlDir {
                errors: errors_file(&dir, delimiter)
                    .map_err(|e| format!("{}: {e}", dir.display()))?,
                dir,
            },
        })
    }

    fn write(&mut self, done: &Done, ciks: &CikMap) -> Result<(), String> {
        let r: Result<(), Box<dyn std::error::Error>> = (|| {
            match (self, &done.outcome) {
                (Sink::Lines(out), Ok(p)) => out.write_all(p.rendered.as_bytes())?,
                (Sink::Lines(out), Err(e)) => {
                    jsonl::write_failure(out, &done.source, &e.message, e.at)?
                }
                (Sink::Array { out, first }, outcome) => {
                    out.write_all(if *first { b"[\n" } else { b",\n" })?;
                    *first = false;
                    match outcome {
                        Ok(p) => out.write_all(p.rendered.as_bytes())?,
                        Err(e) => serde_json::to_writer(
                            &mut *out,
                            &jsonl::Failure {
                                source: &done.source,
                                error: &e.message,
                                line: e.at.map(|(line, _)| line),
                                column: e.at.map(|(_, column)| column),
                            },
                        )?,
                    }
                }
                (Sink::Csv { tables, .. }, Ok(p)) => {
                    tables.write(&export::document_id(&done.source), &p.record, ciks)?
                }
                (Sink::Csv { errors, .. } | Sink::XmlDir { errors, .. }, Err(e)) => {
                    errors.write_record([done.source.as_str(), e.message.as_str()])?
                }
                (Sink::XmlDir { dir, .. }, Ok(p)) => {
                    let path = xml_path(dir, &done.source);
                    if let Some(parent) = path.parent() {
                        std::fs::create_dir_all(parent)?;
                    }
                    std::fs::write(&path, &p.rendered)
                        .map_err(|e| format!("{}: {e}", path.display()))?
                }
            }
            Ok(())
        })();
        r.map_err(|e| e.to_string())
    }

    fn finish(self) -> Result<(), String> {
        let r = match self {
            Sink::Lines(mut out) => out.flush(),
            Sink::Array { mut out, first } => out
                .write_all(if first { b"[]\n" } else { b"\n]\n" })
                .and_then(|()| out.flush()),
            Sink::Csv {
                mut tables,
                mut errors,
            } => tables.flush().and_then(|()| errors.flush()),
            Sink::XmlDir { mut errors, .. } => errors.flush(),
        };
        r.map_err(|e| e.to_string())
    }
}

/// `DIR/<source>.xml`, the source's path kept below DIR (`..` and roots dropped).
fn xml_path(dir: &Path, source: &str) -> PathBuf {
    let mut p = dir.to_path_buf();
    let mut any = false;
    for c in Path::new(source).components() {
        if let Component::Normal(s) = c {
            p.push(s);
            any = true;
        }
    }
    if !any {
        p.push("stdin");
    }
    let mut name = p.into_os_string();
    name.push(".xml");
    PathBuf::from(name)
}

/// Counts for the closing summary line.
#[derive(Default)]
struct Stats {
    files: u64,
    records: u64,
    warnings: u64,
    failures: u64,
    bytes: u64,
}

/// How far the writer has got: the producer waits while it is a full window ahead.
struct Gate {
    state: Mutex<(usize, bool)>,
    cv: Condvar,
}

impl Gate {
    fn wait_for_room(&self, index: usize, window: usize) -> bool {
        let mut g = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !g.1 && index >= g.0 + window {
            g = self.cv.wait(g).unwrap_or_else(PoisonError::into_inner);
        }
        !g.1
    }

    fn advance(&self, written: usize) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = written;
        self.cv.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.cv.notify_all();
    }
}

fn progress_bar(args: &ParseArgs) -> ProgressBar {
    if args.no_progress || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} files  {per_sec}  {elapsed}  {wide_msg}")
    {
        pb.set_style(style);
    }
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

fn batch(args: &ParseArgs, format: Format, ciks: &CikMap) -> ExitCode {
    let mut sink = match Sink::open(args, format) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("form4: {e}");
            return ExitCode::from(1);
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("form4: {e}");
            return ExitCode::from(1);
        }
    };
    // Panics are caught per input and reported as that input's failure, in one line.
    std::panic::set_hook(Box::new(|_| {}));
    let window = args.window.max(1);
    let started = Instant::now();
    let pb = progress_bar(args);
    let gate = Gate {
        state: Mutex::new((0, false)),
        cv: Condvar::new(),
    };
    let (tx, rx) = mpsc::channel::<(usize, Done)>();

    let (stats, sink_error) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut stats = Stats::default();
            let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
            let mut next = 0usize;
            let mut error = None;
            'recv: for (i, done) in rx {
                pending.insert(i, done);
                while let Some(done) = pending.remove(&next) {
                    next += 1;
                    stats.files += 1;
                    stats.bytes += done.bytes;
                    match &done.outcome {
                        Ok(p) => {
                            stats.records += 1;
                            stats.warnings += p.record.diagnostics.warnings.len() as u64;
                        }
                        Err(e) => {
                            stats.failures += 1;
                            pb.suspend(|| e.print(&done.source));
                        }
                    }
                    if let Err(e) = sink.write(&done, ciks) {
                        error = Some(e);
                        gate.stop();
                        break 'recv;
                    }
                    pb.inc(1);
                }
                gate.advance(next);
            }
            if error.is_none() {
                error = sink.finish().err();
            }
            (stats, error)
        });

        pool.in_place_scope(|s| {
            for (i, input) in inputs::expand(&args.inputs, &args.ext).enumerate() {
                if !gate.wait_for_room(i, window) {
                    break;
                }
                let tx = tx.clone();
                s.spawn(move |_| {
                    // The writer may have stopped (output closed); then the result is dropped.
                    let _ = tx.send((i, process(input, format, args, ciks)));
                });
            }
        });
        drop(tx);
        writer
            .join()
            .unwrap_or_else(|_| (Stats::default(), Some("the writer thread panicked".into())))
    });
    pb.finish_and_clear();

    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "form4: {} files, {} records, {} warnings, {} failed, {:.2} s, {:.0} files/s, {:.1} MB/s",
        stats.files,
        stats.records,
        stats.warnings,
        stats.failures,
        secs,
        stats.files as f64 / secs,
        stats.bytes as f64 / 1e6 / secs,
    );
    if let Some(e) = sink_error {
        eprintln!("form4: writing the output: {e}");
        return ExitCode::from(1);
    }
    if stats.failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
