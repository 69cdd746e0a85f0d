//! The `newsclean` command: cleans a news page (file or standard input) and prints the article.

use std::io::{Read, Write};
use std::process::ExitCode;

use newsclean::{Cleaner, Format, Options};

mod batch;

const HELP: &str = "\
newsclean — the article alone, each paragraph once, and its key facts

USAGE:
    newsclean [OPTIONS] [FILE]

    Reads FILE (or standard input when FILE is absent or '-'), cleans it and prints the article
    text. Files ending in .html or .htm are read as HTML (unless --format says otherwise). Input
    that is not valid UTF-8 is decoded by the charset an HTML <meta> declares (windows-1251,
    Shift_JIS, ISO-8859-x, ...) or else as windows-1252, and a note on standard error says which.

    newsclean --jsonl [OPTIONS] [FILE]

    Batch mode: reads one JSON object per line, {\"id\": ..., \"html\": \"...\"} or
    {\"id\": ..., \"text\": \"...\"}, optionally with \"url\", and writes one line per input line,
    in input order: {\"id\": ..., \"article\": {the report}} or {\"id\": ..., \"error\":
    {\"code\": ..., \"message\": ...}}. Uses every core; memory stays bounded however long the
    stream (a few pages per core in flight).

OPTIONS:
    --json                      Print the full report as JSON instead of the text.
    --explain                   After the text, list every removed block with its reason.
    --markdown                  Print the article as Markdown (headings, lists, quotes, links);
                                with --json, the report gets a \"markdown\" field.
    --jsonl                     Batch mode (see above).
    --format auto|text|html     Input format (default: auto, which sniffs; .html/.htm files are
                                HTML).
    --reference-date YYYY-MM-DD Resolve relative dates against this date (default: the page's
                                published date, else a dateline near the top of its text).
    --language CODE             The article's language (ISO 639-1); default: guessed.
    --max-input-bytes N         Refuse larger inputs (default: 67108864 = 64 MiB).
    --near-duplicate-threshold X
                                Word 4-gram containment for near-duplicates, 0.5..1 (default 0.8).
    --key-sentences K           How many key sentences to pick (default: 3).
    --no-facts                  Skip fact extraction.
    --keep-boilerplate          Keep boilerplate in the text (still listed as removed, kept: true).
    -h, --help                  Print this help.
    -V, --version               Print the version.

OFFSETS:
    Every span in the JSON report is a pair of UTF-8 byte offsets, end exclusive. Spans of
    \"blocks\" and \"removed\" point into the decoded input; \"textSpan\" of a block and every span in
    \"facts\" point into \"text\".

EXIT STATUS:
    0 on success, 1 when the input cannot be cleaned (one line on standard error says why),
    2 on a usage error.
";

struct Args {
    json: bool,
    jsonl: bool,
    format_given: bool,
    explain: bool,
    file: Option<String>,
    options: Options,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        json: false,
        jsonl: false,
        format_given: false,
        explain: false,
        file: None,
        options: Options::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("newsclean {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--json" => args.json = true,
            "--jsonl" => args.jsonl = true,
            "--markdown" => args.options.markdown = true,
            "--explain" => args.explain = true,
            "--no-facts" => args.options.facts = false,
            "--keep-boilerplate" => args.options.keep_boilerplate = true,
            "--format" => {
                args.format_given = true;
                args.options.format = match value("--format")?.as_str() {
                    "auto" => Format::Auto,
                    "text" => Format::Text,
                    "html" => Format::Html,
                    other => {
                        return Err(format!(
                            "--format must be auto, text or html, not {other:?}"
                        ))
                    }
                }
            }
            "--reference-date" => args.options.reference_date = Some(value("--reference-date")?),
            "--language" => args.options.language = Some(value("--language")?),
            "--max-input-bytes" => {
                let v = value("--max-input-bytes")?;
                args.options.max_input_bytes = v
                    .parse()
                    .map_err(|_| format!("--max-input-bytes must be a whole number, not {v:?}"))?;
            }
            "--near-duplicate-threshold" => {
                let v = value("--near-duplicate-threshold")?;
                args.options.near_duplicate_threshold = v.parse().map_err(|_| {
                    format!("--near-duplicate-threshold must be a number, not {v:?}")
                })?;
            }
            "--key-sentences" => {
                let v = value("--key-sentences")?;
                args.options.key_sentences = v
                    .parse()
                    .map_err(|_| format!("--key-sentences must be a whole number, not {v:?}"))?;
            }
            "-" => args.file = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s:?} (see --help)")),
            s => {
                if args.file.is_some() {
                    return Err("give one FILE at most (see --help)".into());
                }
                args.file = Some(s.to_string());
            }
        }
    }
    Ok(Some(args))
}

fn run(mut args: Args) -> Result<(), String> {
    let is_html_file = args.file.as_deref().is_some_and(|f| {
        let f = f.to_ascii_lowercase();
        f.ends_with(".html") || f.ends_with(".htm")
    });
    if is_html_file && !args.format_given {
        args.options.format = Format::Html;
    }
    if args.jsonl {
        return batch::run(args.file.as_deref(), args.options);
    }
    let cleaner = Cleaner::new(args.options).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    let name = args.file.clone().unwrap_or_else(|| "standard input".into());
    match &args.file {
        Some(f) => {
            bytes = std::fs::read(f).map_err(|e| format!("cannot read {f}: {e}"))?;
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    if std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).is_err() {
        let (_, encoding) = newsclean::decode(&bytes);
        if encoding == "UTF-8" {
            eprintln!(
                "newsclean: {name} is not valid UTF-8; invalid bytes were replaced with U+FFFD"
            );
        } else {
            eprintln!("newsclean: {name} is not valid UTF-8; decoded as {encoding}");
        }
    }
    let article = cleaner.clean_bytes(&bytes).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    let res = if args.json {
        serde_json::to_writer_pretty(&mut out, &article)
            .map_err(|e| e.to_string())
            .and_then(|()| writeln!(out).map_err(|e| e.to_string()))
    } else {
        let mut s = match &article.markdown {
            Some(md) => md.trim_end().to_string(),
            None => article.text.clone(),
        };
        s.push('\n');
        if args.explain {
            s.push_str(&explain(&article));
        }
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    match res {
        // A closed pipe (`newsclean page.txt | head`) is not an error.
        Err(e) if e.contains("Broken pipe") => Ok(()),
        r => r,
    }
}

/// The removed blocks, one per line: reason, a short excerpt, and what a duplicate repeats.
fn explain(a: &newsclean::Article) -> String {
    let mut s = format!(
        "\n--- removed: {} blocks or sentences ---\n",
        a.removed.len()
    );
    for r in &a.removed {
        let mut excerpt: String = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if excerpt.chars().count() > 72 {
            excerpt = excerpt.chars().take(71).collect::<String>() + "…";
        }
        let dup = r
            .duplicate_of
            .map(|i| format!(" (duplicate of paragraph {})", i + 1))
            .unwrap_or_default();
        s.push_str(&format!("{:>16}: {excerpt}{dup}\n", r.reason.as_str()));
    }
    s
}

fn main() -> ExitCode {
    match parse_args() {
        Err(e) => {
            eprintln!("newsclean: {e}");
            ExitCode::from(2)
        }
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("newsclean: {e}");
                ExitCode::from(1)
            }
        },
    }
}
