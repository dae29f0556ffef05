//! Turning command-line inputs into a lazy stream of documents to read.

use std::path::{Path, PathBuf};

/// One document to read.
#[derive(Debug)]
pub(crate) enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input, one document.
    Stdin,
    /// An argument that named nothing readable: reported as a failure.
    Missing {
        /// The argument.
        source: String,
        /// Why.
        reason: String,
    },
}

impl Input {
    /// The `source` written with the result.
    pub(crate) fn source(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
            Input::Missing { source, .. } => source.clone(),
        }
    }
}

fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// True when the arguments are exactly one plain file (the one-record contract of `parse`).
pub(crate) fn is_single_file(args: &[String]) -> bool {
    match args {
        [one] => {
            let p = Path::new(one);
            one != "-" && !p.is_dir() && (p.exists() || !is_glob(one))
        }
        _ => false,
    }
}

/// The documents named by `args`, in order: directories are walked recursively in name
/// order (taking files whose extension is in `exts`), glob patterns expand in path order.
/// Nothing is collected up front, so memory does not grow with the number of files.
pub(crate) fn expand<'a>(
    args: &'a [String],
    exts: &'a [String],
) -> impl Iterator<Item = Input> + 'a {
    args.iter()
        .flat_map(move |arg| -> Box<dyn Iterator<Item = Input> + 'a> {
            let path = Path::new(arg);
            if arg == "-" {
                Box::new(std::iter::once(Input::Stdin))
            } else if path.is_dir() {
                Box::new(walk(path, exts))
            } else if path.exists() {
                Box::new(std::iter::once(Input::File(path.to_path_buf())))
            } else if is_glob(arg) {
                glob_inputs(arg, exts)
            } else {
                Box::new(std::iter::once(Input::Missing {
                    source: arg.clone(),
                    reason: "no such file or directory".into(),
                }))
            }
        })
}

fn has_ext(path: &Path, exts: &[String]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        exts.iter()
            .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(e))
    })
}

fn walk<'a>(dir: &Path, exts: &'a [String]) -> impl Iterator<Item = Input> + 'a {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_file() && has_ext(e.path(), exts) => {
                Some(Input::File(e.into_path()))
            }
            Ok(_) => None,
            Err(e) => Some(Input::Missing {
                source: e
                    .path()
                    .map_or_else(|| dir_name(&e), |p| p.display().to_string()),
                reason: e.to_string(),
            }),
        })
}

fn dir_name(e: &walkdir::Error) -> String {
    e.path()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

fn glob_inputs<'a>(pattern: &'a str, exts: &'a [String]) -> Box<dyn Iterator<Item = Input> + 'a> {
    let paths = match glob::glob(pattern) {
        Ok(p) => p,
        Err(e) => {
            return Box::new(std::iter::once(Input::Missing {
                source: pattern.to_string(),
                reason: format!("bad glob pattern: {e}"),
            }))
        }
    };
    let matched = paths.flat_map(move |p| -> Box<dyn Iterator<Item = Input> + 'a> {
        match p {
            Ok(p) if p.is_dir() => Box::new(walk(&p, exts)),
            Ok(p) => Box::new(std::iter::once(Input::File(p))),
            Err(e) => Box::new(std::iter::once(Input::Missing {
                source: e.path().display().to_string(),
                reason: e.error().to_string(),
            })),
        }
    });
    // A pattern that matches nothing is reported, as a missing file would be.
    let mut matched = matched.peekable();
    if matched.peek().is_none() {
        return Box::new(std::iter::once(Input::Missing {
            source: pattern.to_string(),
            reason: "no file matches the pattern".into(),
        }));
    }
    Box::new(matched)
}
