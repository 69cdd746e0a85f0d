//! Throughput: time per MB must stay flat as the input grows (linear cost), whatever the shape of
//! the input, and the time per page on articles-dev when `../shared/eval` is present.
//!
//! `cargo bench --bench throughput` (divan prints median times; bytes/s from the counter). Each
//! shape is cleaned at 1 to 64 MiB with facts off (facts cost the same per MB of kept text
//! whatever its shape; `benches/facts.rs` times them); every shape's time per MB at 16 and 64 MiB
//! should stay within 1.5x of `ordinary`'s (`cargo bench --bench throughput -- small_vocabulary`
//! runs one shape).

// A benchmark may stop on a broken set-up.
#![allow(clippy::panic)]

use newsclean::{Cleaner, Options};

fn main() {
    divan::main();
}

/// Input sizes in MiB.
const SIZES: &[usize] = &[1, 2, 4, 8, 16, 32, 64];

/// `mb` MiB of ordinary text: a realistic text pattern (menus, paragraphs, related headlines)
/// whose paragraphs vary by a counter, so dedupe sees both repeats and new text.
fn ordinary_text(mb: usize) -> String {
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
    cut(s, mb)
}

/// xorshift32 (Marsaglia 2003, "Xorshift RNGs").
fn next(state: &mut u32) -> u32 {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    *state
}

/// A made-up word of 2 to 9 letters, now and then with an accented one.
fn made_up_word(state: &mut u32) -> String {
    const LETTERS: [char; 28] = [
        'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
        's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'é', 'ü',
    ];
    let n = 2 + next(state) % 8;
    (0..n)
        .map(|_| LETTERS[(next(state) % LETTERS.len() as u32) as usize])
        .collect()
}

/// `mb` MiB of paragraphs of two to four sentences of 8 to 21 words each, every word drawn by
/// `word`: prose to every measure dedupe and the classifier take, in which no two paragraphs are
/// alike.
fn prose(mb: usize, mut word: impl FnMut(&mut u32) -> String) -> String {
    let mut s = String::with_capacity((mb << 20) + 256);
    let mut state = 2_463_534_242;
    while s.len() < mb << 20 {
        let sentences = 2 + next(&mut state) % 3;
        for k in 0..sentences {
            if k > 0 {
                s.push(' ');
            }
            let n = 8 + next(&mut state) % 14;
            for w in 0..n {
                let word = word(&mut state);
                let mut chars = word.chars();
                if w == 0 {
                    s.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                }
                s.extend(chars);
                s.push(if w + 1 == n { '.' } else { ' ' });
            }
        }
        s.push_str("\n\n");
    }
    cut(s, mb)
}

/// `s` cut to `mb` MiB at most (on a character boundary).
fn cut(mut s: String, mb: usize) -> String {
    let mut n = (mb << 20).min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    s.truncate(n);
    s
}

/// Small vocabulary: the same 300 words over and over, in ever new orders.
fn small_vocabulary_text(mb: usize) -> String {
    let mut state = 88_172_645;
    let vocabulary: Vec<String> = (0..300).map(|_| made_up_word(&mut state)).collect();
    prose(mb, |state| {
        vocabulary[(next(state) % vocabulary.len() as u32) as usize].clone()
    })
}

/// Random vocabulary: every word made up on the spot (the vocabulary grows with the input).
fn random_vocabulary_text(mb: usize) -> String {
    prose(mb, made_up_word)
}

/// Times cleaning `input` (facts off).
fn bench_clean(bencher: divan::Bencher, input: &str) {
    let options = Options {
        facts: false,
        ..Options::default()
    };
    let cleaner = Cleaner::new(options).unwrap_or_else(|e| panic!("{e}"));
    bencher
        .counter(divan::counter::BytesCount::of_str(input))
        .bench(|| cleaner.clean(divan::black_box(input)));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn ordinary(bencher: divan::Bencher, mb: usize) {
    bench_clean(bencher, &ordinary_text(mb));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn small_vocabulary(bencher: divan::Bencher, mb: usize) {
    bench_clean(bencher, &small_vocabulary_text(mb));
}

#[divan::bench(args = SIZES, sample_count = 3)]
fn random_vocabulary(bencher: divan::Bencher, mb: usize) {
    bench_clean(bencher, &random_vocabulary_text(mb));
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
