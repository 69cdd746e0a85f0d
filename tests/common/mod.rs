//! Shared by the golden tests: the fixture list (compiled in with `include_str!`, so the same list
//! runs natively and under wasm32, where there is no filesystem) and the checks each fixture's
//! `expect.json` asks for. The format is described in `tests/fixtures/README.md`.
#![allow(dead_code)] // each test binary that includes this module uses a different part of it

use newsclean::{Article, Options, Reason};
use serde_json::Value;

/// One fixture, compiled in: `(name, input.txt, expected.txt, expect.json)`.
macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../fixtures/", $name, "/input.txt")),
            include_str!(concat!("../fixtures/", $name, "/expected.txt")),
            include_str!(concat!("../fixtures/", $name, "/expect.json")),
        )
    };
}

/// Every fixture under `tests/fixtures/`: `(name, input, expected text, expect.json)`.
/// `tests/golden.rs` checks that this list and the directories on disk agree.
pub const FIXTURES: &[(&str, &str, &str, &str)] = &[
    fixture!("de-boilerplate-all"),
    fixture!("de-dedupe"),
    fixture!("en-boilerplate-all"),
    fixture!("en-dedupe"),
    fixture!("en-inline-interruptions"),
    fixture!("en-options"),
    fixture!("en-related-summaries"),
    fixture!("en-seed-shape"),
    fixture!("en-subheadings"),
    fixture!("es-boilerplate-all"),
    fixture!("es-dedupe"),
    fixture!("fr-boilerplate-all"),
    fixture!("fr-dedupe"),
    fixture!("fr-inline-interruptions"),
    fixture!("it-boilerplate-all"),
    fixture!("ja-cjk"),
    fixture!("pt-boilerplate-all"),
    fixture!("ru-boilerplate-all"),
    fixture!("ru-emoji-multiscript"),
    fixture!("sw-no-stopword-list"),
    fixture!("zh-cjk"),
];

/// One removed item a fixture expects.
#[derive(Debug, Clone)]
pub struct ExpectedRemoval {
    /// A substring of the removed item's text.
    pub contains: String,
    /// Its reason.
    pub reason: Reason,
    /// For duplicates: a substring of the kept block it repeats.
    pub duplicate_of_contains: Option<String>,
}

/// A parsed `expect.json`.
#[derive(Debug, Clone)]
pub struct Expect {
    /// What the fixture shows.
    pub description: String,
    /// The options to clean with.
    pub options: Options,
    /// Removed items that must be reported.
    pub removed: Vec<ExpectedRemoval>,
    /// `None`: not checked; `Some(None)`: no language may be reported; `Some(Some(code))`: that one.
    pub language: Option<Option<String>>,
    /// Set when the fixture is known to fail: why. The test then asserts that it still fails.
    pub known_failure: Option<String>,
}

fn field_str(obj: &Value, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("\"{key}\" must be a string, got {other}")),
    }
}

/// Parses an `expect.json`, rejecting unknown keys so a typo cannot silently skip a check.
pub fn parse_expect(json: &str) -> Result<Expect, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("expect.json: {e}"))?;
    let obj = v.as_object().ok_or("expect.json must be an object")?;
    for key in obj.keys() {
        if ![
            "description",
            "options",
            "removed",
            "language",
            "knownFailure",
        ]
        .contains(&key.as_str())
        {
            return Err(format!("expect.json: unknown key \"{key}\""));
        }
    }
    let description = field_str(&v, "description")?
        .filter(|d| !d.trim().is_empty())
        .ok_or("expect.json needs a non-empty \"description\"")?;
    let options = match obj.get("options") {
        None => Options::default(),
        Some(o) => serde_json::from_value::<Options>(o.clone())
            .map_err(|e| format!("expect.json \"options\": {e}"))?,
    };
    let mut removed = Vec::new();
    if let Some(list) = obj.get("removed") {
        let list = list.as_array().ok_or("\"removed\" must be a list")?;
        for item in list {
            let o = item
                .as_object()
                .ok_or("each \"removed\" item must be an object")?;
            for key in o.keys() {
                if !["contains", "reason", "duplicateOfContains"].contains(&key.as_str()) {
                    return Err(format!("\"removed\" item: unknown key \"{key}\""));
                }
            }
            let contains = field_str(item, "contains")?
                .filter(|c| !c.is_empty())
                .ok_or("each \"removed\" item needs a non-empty \"contains\"")?;
            let reason_name =
                field_str(item, "reason")?.ok_or("each \"removed\" item needs a \"reason\"")?;
            let reason: Reason = serde_json::from_value(Value::String(reason_name.clone()))
                .map_err(|_| format!("unknown reason \"{reason_name}\""))?;
            let duplicate_of_contains = field_str(item, "duplicateOfContains")?;
            if duplicate_of_contains.is_some() != reason.is_duplicate() {
                return Err(format!(
                    "\"duplicateOfContains\" is required for duplicate reasons and only for them \
                     (item {contains:?}, reason {reason_name})"
                ));
            }
            removed.push(ExpectedRemoval {
                contains,
                reason,
                duplicate_of_contains,
            });
        }
    }
    let language = match obj.get("language") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(s)) => Some(Some(s.clone())),
        Some(other) => {
            return Err(format!(
                "\"language\" must be a string or null, got {other}"
            ))
        }
    };
    Ok(Expect {
        description,
        options,
        removed,
        language,
        known_failure: field_str(&v, "knownFailure")?,
    })
}

/// A paragraph-by-paragraph diff of the expected and the actual text (`-` expected only,
/// `+` actual only), for failure messages.
pub fn paragraph_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split("\n\n").map(str::trim).collect();
    let b: Vec<&str> = actual.split("\n\n").map(str::trim).collect();
    // Longest common subsequence over paragraphs (fixtures are small).
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let short = |s: &str| {
        let mut t: String = s.chars().take(100).collect();
        if t.len() < s.len() {
            t.push('…');
        }
        t
    };
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("    {}\n", short(a[i])));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("  + {}\n", short(b[j])));
            j += 1;
        } else {
            out.push_str(&format!("  - {}\n", short(a[i])));
            i += 1;
        }
    }
    out
}

/// Checks one cleaned fixture against its expectations and the report's invariants. Returns
/// every problem found, one per line.
pub fn check(
    input: &str,
    expected: &str,
    expect: &Expect,
    article: &Article,
) -> Result<(), String> {
    let mut problems: Vec<String> = Vec::new();

    // 1. The article text, exactly (surrounding whitespace aside).
    if article.text.trim() != expected.trim() {
        problems.push(format!(
            "article text differs from expected.txt (- expected only, + actual only):\n{}",
            paragraph_diff(expected.trim(), article.text.trim())
        ));
    }

    // 2. Each expected removal, with its reason and the block it duplicates.
    for want in &expect.removed {
        let candidates: Vec<_> = article
            .removed
            .iter()
            .filter(|r| r.text.contains(&want.contains))
            .collect();
        let Some(r) = candidates.iter().find(|r| r.reason == want.reason) else {
            let got: Vec<String> = candidates
                .iter()
                .map(|r| format!("{} ({})", r.reason.as_str(), r.rule))
                .collect();
            problems.push(format!(
                "expected {:?} removed as {}; removed items containing it: {}",
                want.contains,
                want.reason.as_str(),
                if got.is_empty() {
                    "none".to_string()
                } else {
                    got.join(", ")
                }
            ));
            continue;
        };
        if let Some(target) = &want.duplicate_of_contains {
            match r.duplicate_of.and_then(|i| article.blocks.get(i)) {
                Some(b) if b.text.contains(target.as_str()) => {}
                Some(b) => problems.push(format!(
                    "{:?} should duplicate the block containing {target:?}, but points at {:?}",
                    want.contains, b.text
                )),
                None => problems.push(format!(
                    "{:?} should name the kept block it duplicates (duplicateOf is {:?})",
                    want.contains, r.duplicate_of
                )),
            }
        }
    }

    // 3. The language.
    if let Some(lang) = &expect.language {
        if article.language != *lang {
            problems.push(format!(
                "language: expected {lang:?}, got {:?}",
                article.language
            ));
        }
    }

    // 4. Invariants of the report.
    let slice = |s: newsclean::Span| input.get(s.start..s.end);
    for r in &article.removed {
        if slice(r.span) != Some(r.text.as_str()) {
            problems.push(format!(
                "removed item's span {:?} does not hold its text {:?}",
                r.span, r.text
            ));
        }
        if r.reason.is_duplicate() && r.duplicate_of.is_none_or(|i| i >= article.blocks.len()) {
            problems.push(format!(
                "duplicate {:?} does not name a kept block (duplicateOf {:?})",
                r.text, r.duplicate_of
            ));
        }
    }
    for b in &article.blocks {
        if article.text.get(b.text_span.start..b.text_span.end) != Some(b.text.as_str()) {
            problems.push(format!(
                "block's textSpan does not hold its text {:?}",
                b.text
            ));
        }
        if slice(b.span).is_none() {
            problems.push(format!("block's span {:?} is not in the input", b.span));
        }
    }
    // No text lost: every non-whitespace byte of the input is in a kept or a removed span.
    let mut covered = vec![false; input.len()];
    let spans = article
        .blocks
        .iter()
        .map(|b| b.span)
        .chain(article.removed.iter().map(|r| r.span));
    for s in spans {
        for c in covered
            .iter_mut()
            .take(s.end.min(input.len()))
            .skip(s.start)
        {
            *c = true;
        }
    }
    let lost: Vec<&str> = input
        .char_indices()
        .filter(|(i, c)| !c.is_whitespace() && !covered[*i])
        .map(|(i, c)| input.get(i..i + c.len_utf8()).unwrap_or("?"))
        .take(40)
        .collect();
    if !lost.is_empty() {
        problems.push(format!(
            "text lost (in no kept block and no removed item): {:?}",
            lost.concat()
        ));
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Runs one fixture: parses `expect.json`, cleans `input` with its options and checks the result.
/// A fixture marked `knownFailure` must still fail (so a fix is noticed); `Err` explains what is
/// wrong either way.
pub fn run_fixture(input: &str, expected: &str, expect_json: &str) -> Result<(), String> {
    let expect = parse_expect(expect_json)?;
    let article =
        newsclean::clean(input, &expect.options).map_err(|e| format!("clean failed: {e}"))?;
    let result = check(input, expected, &expect, &article);
    match (&expect.known_failure, result) {
        (None, Ok(())) | (Some(_), Err(_)) => Ok(()),
        (None, Err(problems)) => Err(format!("{}\n{problems}", expect.description)),
        (Some(why), Ok(())) => Err(format!(
            "marked as a known failure ({why}) but now passes: remove \"knownFailure\" from its \
             expect.json"
        )),
    }
}

/// The failures of every golden fixture, one message each (`[name] what is wrong`).
pub fn fixture_failures() -> Vec<String> {
    FIXTURES
        .iter()
        .filter_map(|&(name, input, expected, expect_json)| {
            run_fixture(input, expected, expect_json)
                .err()
                .map(|e| format!("[{name}] {e}"))
        })
        .collect()
}

/// `n` bytes of every value from a deterministic xorshift64 generator (Marsaglia 2003).
pub fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}
