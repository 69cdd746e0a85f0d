//! Throughput: time per MB must stay flat as the input doubles (linear cost), and the time per
//! page on articles-dev when `../shared/eval` is present.
//!
//! `cargo bench --bench throughput` (divan prints median times; bytes/s from the counter).

// A benchmark may stop on a broken set-up.
#![allow(clippy::panic)]

use newsclean::{Cleaner, Options};

fn main() {
    divan::main();
}

/// A page of `mb` MiB: a realistic text pattern (menus, paragraphs, related headlines) whose
/// paragraphs vary by a counter, so dedupe sees both repeats and new text.
fn page(mb: usize) -> String {
    let mut s = String::with_capacity(mb << 20);
    let mut i = 0usize;
    while s.len() < mb << 20 {
        s.push_str("Home\nNews\nSport\nWeather\n\n");
        s.push_str(&format!(
            "The council met on day {i} and agreed that the budget for the new library would be reviewed by the committee before the end of the year.\n\n"
        ));
        s.push_str(&format!(
            "Residents from district {} said the plan left too little room for the market, and asked the mayor to publish the full costs of the project.\n\n",
            i % 97
        ));
        s.push_str("The work is expected to start next spring and to last about eighteen months, the council said in a statement on its website.\n\n");
        s.push_str("You may also like\nTen walks along the river\nLocal bakery wins award\n\n");
        i += 1;
    }
    s
}

#[divan::bench(args = [1, 2, 4, 8, 16], sample_count = 5)]
fn clean_mb(bencher: divan::Bencher, mb: usize) {
    let input = page(mb);
    let cleaner = Cleaner::new(Options::default()).unwrap_or_else(|e| panic!("{e}"));
    bencher
        .counter(divan::counter::BytesCount::of_str(&input))
        .bench(|| cleaner.clean(divan::black_box(&input)));
}

#[divan::bench(sample_count = 3)]
fn articles_dev_text_pages(bencher: divan::Bencher) {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/articles-dev/text"
    );
    let mut pages: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    if pages.is_empty() {
        eprintln!("skipped: {dir} is absent");
        return;
    }
    let cleaner = Cleaner::new(Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for p in &pages {
                let _ = cleaner.clean(divan::black_box(p));
            }
        });
}
