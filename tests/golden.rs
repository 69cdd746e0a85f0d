//! Golden fixtures (native): every `tests/fixtures/<case>/` is cleaned with its options and must
//! give exactly `expected.txt`, report the removals `expect.json` lists with their reasons, and
//! lose no text. Format: `tests/fixtures/README.md`. The same list runs under wasm32 from
//! `tests/wasm.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{check, fixture_failures, parse_expect, run_fixture, FIXTURES};

#[test]
fn every_fixture_cleans_as_expected() {
    let failures = fixture_failures();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        FIXTURES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn known_failures_must_keep_failing() {
    let input = "The council approved the new budget on Tuesday after a debate that ran late into the evening.";
    let wrong = "Something newsclean does not output.";
    let marked = r#"{"description": "x", "knownFailure": "why"}"#;
    // Still failing: fine.
    assert_eq!(run_fixture(input, wrong, marked), Ok(()));
    // Fixed: the mark must go.
    assert!(run_fixture(input, input, marked)
        .unwrap_err()
        .contains("now passes"));
    // Unmarked: failures are reported.
    assert!(run_fixture(input, wrong, r#"{"description": "x"}"#).is_err());
}

#[test]
fn fixture_list_matches_the_directories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        for file in ["input.txt", "expected.txt", "expect.json"] {
            assert!(
                entry.path().join(file).is_file(),
                "tests/fixtures/{name}/ has no {file}"
            );
        }
        on_disk.insert(name);
    }
    let listed: BTreeSet<String> = FIXTURES.iter().map(|f| f.0.to_string()).collect();
    assert_eq!(
        listed.len(),
        FIXTURES.len(),
        "a fixture is listed twice in tests/common/mod.rs"
    );
    let missing: Vec<_> = on_disk.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "tests/common/mod.rs FIXTURES is out of date: not listed {missing:?}, no directory {stale:?}"
    );
}

#[test]
fn the_checker_catches_wrong_expectations() {
    // A tiny page and deliberately wrong expectations: the checker must say no to each.
    let input = "Menu\n\nThe council approved the new budget on Tuesday after a debate that ran late into the evening.\n\nShare this article";
    let article = newsclean::clean(input, &newsclean::Options::default()).unwrap();
    let good = r#"{"description": "ok", "removed": [{"contains": "Share", "reason": "share"}], "language": "en"}"#;
    let expected = "The council approved the new budget on Tuesday after a debate that ran late into the evening.";
    assert_eq!(
        check(input, expected, &parse_expect(good).unwrap(), &article),
        Ok(())
    );

    let wrong_text = check(
        input,
        "Something else.",
        &parse_expect(good).unwrap(),
        &article,
    );
    assert!(wrong_text.unwrap_err().contains("+ The council approved"));
    let wrong_reason =
        r#"{"description": "x", "removed": [{"contains": "Share", "reason": "footer"}]}"#;
    assert!(check(
        input,
        expected,
        &parse_expect(wrong_reason).unwrap(),
        &article
    )
    .is_err());
    let wrong_lang = r#"{"description": "x", "language": "de"}"#;
    assert!(check(
        input,
        expected,
        &parse_expect(wrong_lang).unwrap(),
        &article
    )
    .is_err());
    // A lost byte breaks the invariant.
    let mut lossy = article.clone();
    lossy
        .removed
        .retain(|r| r.reason != newsclean::Reason::Share);
    assert!(check(input, expected, &parse_expect(good).unwrap(), &lossy)
        .unwrap_err()
        .contains("text lost"));
    // Typos in expect.json are errors, not skipped checks.
    assert!(parse_expect(r#"{"description": "x", "remove": []}"#).is_err());
    assert!(parse_expect(
        r#"{"description": "x", "removed": [{"contains": "a", "reason": "nope"}]}"#
    )
    .is_err());
    assert!(parse_expect(
        r#"{"description": "x", "removed": [{"contains": "a", "reason": "exactDuplicate"}]}"#
    )
    .is_err());
    assert!(
        parse_expect(r#"{"description": "x", "options": {"nearDuplicateTreshold": 0.9}}"#).is_err()
    );
}
