//! HTML golden fixtures (`tests/html-fixtures/<case>/`, format in its README) and bad-HTML
//! robustness: broken markup, deep nesting, huge pages, binary garbage — a sane result, no panic,
//! time linear in size.

#![allow(clippy::unwrap_used)] // a test file: failing loudly is the point

mod common;

use std::time::Instant;

use newsclean::{clean, clean_bytes, Format, Options};
use serde_json::Value;

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("html-fixtures/", $name, "/input.html")).as_slice(),
            include_str!(concat!("html-fixtures/", $name, "/expected.txt")),
            include_str!(concat!("html-fixtures/", $name, "/expect.json")),
        )
    };
}

const FIXTURES: &[(&str, &[u8], &str, &str)] = &[
    fixture!("de-latin1-jsonld"),
    fixture!("en-news-chrome"),
    fixture!("fr-index-page"),
    fixture!("ja-shiftjis"),
    fixture!("ru-cp1251-dateline"),
];

fn check_case(name: &str, input: &[u8], expected: &str, expect: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let expect: Value = serde_json::from_str(expect).unwrap();
    let opts = Options {
        markdown: true,
        facts: false,
        ..Options::default()
    };
    let a = clean_bytes(input, &opts).unwrap();
    if a.text.trim() != expected.trim() {
        problems.push(format!(
            "text differs:\n--- expected\n{}\n--- actual\n{}",
            expected.trim(),
            a.text.trim()
        ));
    }
    let report = serde_json::to_value(&a).unwrap();
    for key in [
        "title",
        "byline",
        "published",
        "siteName",
        "url",
        "language",
        "isArticle",
        "pageType",
    ] {
        if let Some(want) = expect.get(key) {
            if report.get(key) != Some(want) {
                problems.push(format!("{key}: expected {want}, got {:?}", report.get(key)));
            }
        }
    }
    if a.is_article != (a.not_article_reason.is_none()) {
        problems.push("notArticleReason must be given exactly when isArticle is false".into());
    }
    if a.is_article != (a.page_type == newsclean::PageType::Article) {
        problems.push("pageType must be article exactly when isArticle is true".into());
    }
    for item in expect["removed"].as_array().into_iter().flatten() {
        let contains = item["contains"].as_str().unwrap();
        let reason = item["reason"].as_str().unwrap();
        let ok = a
            .removed
            .iter()
            .any(|r| r.text.contains(contains) && r.reason.as_str() == reason);
        if !ok {
            let got: Vec<_> = a
                .removed
                .iter()
                .filter(|r| r.text.contains(contains))
                .map(|r| r.reason.as_str())
                .collect();
            problems.push(format!(
                "removed {contains:?} as {reason}: not found (removed as {got:?})"
            ));
        }
    }
    if let Some(kinds) = expect["kinds"].as_object() {
        for (prefix, kind) in kinds {
            let got = a
                .blocks
                .iter()
                .find(|b| b.text.starts_with(prefix.as_str()))
                .map(|b| serde_json::to_value(b.kind).unwrap());
            if got.as_ref() != Some(kind) {
                problems.push(format!("kind of {prefix:?}: expected {kind}, got {got:?}"));
            }
        }
    }
    let md = a.markdown.clone().unwrap_or_default();
    for s in expect["markdownContains"].as_array().into_iter().flatten() {
        let s = s.as_str().unwrap();
        if !md.contains(s) {
            problems.push(format!("markdown lacks {s:?}:\n{md}"));
        }
    }
    // Spans point into the decoded page: each removed block's span is a valid range.
    for b in &a.blocks {
        if b.span.start > b.span.end || b.span.end > a.stats.input_bytes {
            problems.push(format!("bad span {:?} for {:?}", b.span, b.text));
        }
    }
    problems
        .into_iter()
        .map(|p| format!("[{name}] {p}"))
        .collect()
}

#[test]
fn every_html_fixture_cleans_as_expected() {
    let problems: Vec<String> = FIXTURES
        .iter()
        .flat_map(|&(name, input, expected, expect)| check_case(name, input, expected, expect))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn fixture_list_matches_the_directories() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html-fixtures");
    let mut on_disk: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = FIXTURES.iter().map(|f| f.0).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn auto_sniffs_html_and_text() {
    let page = "<!doctype html><html><body><p>The council approved the new budget on Tuesday after a long debate that ran late into the evening, members said.</p><p>Members said the plan would fund two new schools and repair the old bridge over the river by next year.</p></body></html>";
    let a = clean(page, &Options::default()).unwrap();
    assert!(!a.text.contains('<'), "{}", a.text);
    assert!(a.text.starts_with("The council approved"));
    let t = clean("Plain <text> with a < b.", &Options::default()).unwrap();
    let seen = t.text.contains("<text>") || t.removed.iter().any(|r| r.text.contains("<text>"));
    assert!(seen, "{t:?}");
}

fn html_opts() -> Options {
    Options {
        format: Format::Html,
        facts: false,
        ..Options::default()
    }
}

const PARA: &str = "The harbour committee met again on Thursday and agreed, after a long and often heated discussion, to publish the full report before the end of the month. ";

#[test]
fn unclosed_and_misnested_tags() {
    let page = format!(
        "<html><body><div><p>{PARA}<b>bold <i>both</b> italic</i><p>{PARA}<table><tr><td>{PARA}<div><a href=x>{PARA}<p>{PARA}"
    );
    let a = clean(&page, &html_opts()).unwrap();
    assert!(a.text.contains("The harbour committee"));
    assert!(a.text.contains("bold both italic"));
}

#[test]
fn deep_nesting_is_linear_and_does_not_overflow() {
    let n = 100_000;
    let page = "<div>".repeat(n) + &format!("<p>{PARA}</p><p>{PARA}</p>") + &"</div>".repeat(n);
    let t = Instant::now();
    let a = clean(&page, &html_opts()).unwrap();
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    assert!(a.text.contains("The harbour committee"));
    // Deep nesting of unclosed inline tags too.
    let page = "<b><i><span>".repeat(30_000) + PARA;
    let a = clean(&page, &html_opts()).unwrap();
    assert!(a.text.contains("The harbour committee"));
}

#[test]
fn page_without_body_or_text() {
    for page in [
        "",
        "<html></html>",
        "<html><head><title>Only a title</title></head></html>",
        "<!-- nothing -->",
        "<script>var a = 1;</script>",
        "</p></div></body>",
    ] {
        let a = clean(page, &html_opts()).unwrap();
        assert!(a.text.is_empty(), "{page:?} gave {:?}", a.text);
        assert!(!a.is_article);
    }
    let a = clean(&format!("<p>{PARA}</p><p>{PARA} Again.</p>"), &html_opts()).unwrap();
    assert!(a.text.contains("The harbour committee"));
}

#[test]
fn binary_garbage() {
    let bytes = common::random_bytes(0x2545_f491_4f6c_dd1d, 2_000_000);
    let a = clean_bytes(&bytes, &html_opts()).unwrap();
    assert!(a.stats.input_bytes > 0);
    let a = clean_bytes(
        &bytes,
        &Options {
            facts: false,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(a.stats.input_bytes > 0);
}

/// Seconds to clean a page made of `n` copies of a chunk of realistic markup.
fn time_page(n: usize) -> f64 {
    let chunk = format!(
        "<div class=\"item\"><h2><a href=\"/a\">A headline here</a></h2><p>{PARA}</p>\
         <script>var x = '<p>not text</p>';</script><ul><li><a href=\"/b\">Link</a></li></ul></div>\n"
    );
    let page = format!("<html><body>{}</body></html>", chunk.repeat(n));
    let t = Instant::now();
    let a = clean(&page, &html_opts()).unwrap();
    assert!(a.stats.blocks_total >= n);
    t.elapsed().as_secs_f64()
}

#[test]
fn big_page_in_linear_time() {
    // About 30 MB: must finish, and a page twice the size must not take much more than twice as
    // long (generous bound for a noisy machine).
    let chunk_len = 330;
    let n = 30 * 1024 * 1024 / chunk_len;
    let small = time_page(n / 4);
    let big = time_page(n / 2);
    let full = time_page(n);
    assert!(full < 120.0, "30 MB took {full:.1} s");
    assert!(
        big < 4.0 * small + 0.5,
        "{small:.2} s -> {big:.2} s for twice the size"
    );
}
