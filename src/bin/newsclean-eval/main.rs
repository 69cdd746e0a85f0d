//! `newsclean-eval`: scores newsclean on evaluation sets (see `DEVELOPING.md`).
//!
//! Each subcommand prints details and ends with one summary line that starts with its name.

use std::process::ExitCode;

mod articles;
mod snippets;
mod util;

const HELP: &str = "\
newsclean-eval — score newsclean on evaluation data

USAGE:
    newsclean-eval articles DIR [--mode text|html] [--worst N] [--dump OUTDIR]
        ScrapingHub article-extraction metric (word 4-gram shingle P/R/F1) over DIR/text/<id>.txt
        (or DIR/html/<id>.html) against DIR/ground-truth.json. Ends with:
        articles mode=M pages=N precision=P recall=R f1=F ms_per_page=T
        (T = median time of one in-process clean with default options, file reading excluded).
    newsclean-eval snippets DIR [--worst N]
        trafilatura's must-contain / must-not-contain snippets over DIR/evaldata.json and DIR/html/,
        micro P/R/F1, also by language (de, en, other). Ends with:
        snippets pages=N precision=P recall=R f1=F
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("articles") => articles::run(&args[1..]),
        Some("snippets") => snippets::run(&args[1..]),
        Some("-h" | "--help") | None => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown subcommand {other:?} (see --help)")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsclean-eval: {e}");
            ExitCode::from(1)
        }
    }
}
