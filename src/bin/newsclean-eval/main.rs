//! `newsclean-eval`: scores newsclean on evaluation sets (see `DEVELOPING.md`).
//!
//! Each subcommand prints details and ends with one summary line that starts with its name.

use std::process::ExitCode;

mod articles;
mod blocks;
mod metadata;
mod ner;
mod nerweb;
mod pagetypes;
mod quotes;
mod refdate;
mod snippets;
mod summaries;
mod timex;
mod util;

const HELP: &str = "\
newsclean-eval — score newsclean on evaluation data

USAGE:
    Every subcommand also reports the fixed tune and check halves of its dev set
    (quality/splits/<set>.tsv, scripts/make-splits.py) in lines with half=tune / half=check
    above its last line; --split FILE uses another split, --split none none. --half tune|check
    lists (--show, --worst, --dump) the items of that half only.

    newsclean-eval articles DIR [--mode text|html] [--worst N] [--dump OUTDIR] [--facts on|off]
                             [--repeat N] [--half tune|check] [--model FILE|none]
        ScrapingHub article-extraction metric (word 4-gram shingle P/R/F1) over DIR/text/<id>.txt
        (or DIR/html/<id>.html, or <id>.html.gz) against DIR/ground-truth.json. Ends with:
        articles mode=M pages=N precision=P recall=R f1=F ms_per_page=T
        (T = median time of one in-process clean with default options, file reading excluded;
        with --repeat N each page is cleaned N times and its fastest time counts).
        --model FILE cleans with the block scorer in FILE (--model none: the rules alone);
        --half tune|check lists only that half's pages (here and in snippets).
    newsclean-eval blocks DIR --out FILE [--mode html|text] [--model FILE]
        Every block of DIR's pages with the block scorer's features and a label from the gold
        (share of its word 4-grams in articleBody; for a snippets set 1 / 0 / -1 from the
        must-contain / must-not-contain snippets): the training data of
        scripts/train-blocks.py. Ends with: blocks set=S mode=M pages=N rows=R
    newsclean-eval metadata DIR [--mode html|text] [--show N]
        Headline, authors and publication date against DIR/ground-truth.json's title / author /
        published (WCXB metric: normalised title, author name sets, the day). Ends with:
        metadata pages=N title_f1=T authors_f1=A published_f1=P
    newsclean-eval pagetypes ARTICLES_DIR OTHERS_DIR [--show N]
        Is this an article? isArticle on ARTICLES_DIR's pages (ground-truth.json) should be
        true, on OTHERS_DIR's (labels.json with page_type) false; per-type lines, then:
        pagetypes articles=N others=M recall=R rejected=X
    newsclean-eval snippets DIR [--worst N] [--half tune|check] [--model FILE]
        trafilatura's must-contain / must-not-contain snippets over DIR/evaldata.json and DIR/html/,
        micro P/R/F1, also by language (de, en, other). Ends with:
        snippets pages=N precision=P recall=R f1=F
    newsclean-eval ner FILE.jsonl [--errors N] [--doc ID]
        Exact-match NER P/R/F1 (PER/ORG/LOC/MISC, micro and per label) of facts::extract_facts
        against ner-dev.jsonl (code-point offsets). Ends with: ner docs=N precision=P recall=R f1=F
    newsclean-eval nerweb FILE.jsonl [--doc ID]
        Document-level entity sets (normalised name, PER/ORG/LOC/MISC) of each text cleaned as plain
        text against ner-web-dev.jsonl, per label and with labels ignored. Ends with:
        nerweb docs=N precision=P recall=R f1=F untyped_f1=U
    newsclean-eval quotes FILE.jsonl [--show N]
        PolNeAR direct-quote metric (README §5) with facts::extract_facts; --show N prints up to N
        misses, false positives and wrong speakers. Ends with:
        quotes docs=N precision=P recall=R f1=F speaker_accuracy=A
    newsclean-eval summaries FILE.jsonl
        Key sentences vs extractive summaries (README §6), F1 at k = len(gold) and k = 3, with the
        lead-k baseline. Ends with: summaries docs=N f1_at_k=F f1_at_3=G
    newsclean-eval refdate DIR [--mode html|text] [--show N]
        Relative times resolve against the page's own date: every page of DIR is cleaned without
        referenceDate; on each page that states a date (published metadata or a dateline), the
        times must equal those of a clean with that date as the option, none left unresolved
        (exit status 1 otherwise; --show N lists failures). gold_match: how often the reference
        date is ground-truth.json's published day. Ends with:
        refdate mode=M pages=N dated=D published=P dateline=L resolved=R gold=G gold_match=X
    newsclean-eval timex FILE.jsonl [--errors N]
        TempEval-3-style TIMEX scores (README §4) of facts::extract_facts on each document with its
        DCT as reference date. --errors N lists N misses, spurious, span and value errors. Ends with:
        timex docs=N strict_f1=S relaxed_f1=R value_accuracy=V day_accuracy=D
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("articles") => articles::run(&args[1..]),
        Some("blocks") => blocks::run(&args[1..]),
        Some("snippets") => snippets::run(&args[1..]),
        Some("ner") => ner::run(&args[1..]),
        Some("nerweb") => nerweb::run(&args[1..]),
        Some("metadata") => metadata::run(&args[1..]),
        Some("pagetypes") => pagetypes::run(&args[1..]),
        Some("quotes") => quotes::run(&args[1..]),
        Some("summaries") => summaries::run(&args[1..]),
        Some("timex") => timex::run(&args[1..]),
        Some("refdate") => refdate::run(&args[1..]),
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
