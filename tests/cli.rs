//! The `newsclean` command, run as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsclean"))
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/council.txt");

#[test]
fn prints_the_article_alone() {
    let out = bin().arg(SAMPLE).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("The town council approved"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("the council said in a statement."),
        "{text}"
    );
    assert!(!text.contains("You may also like"));
    assert!(!text.contains("Share this article"));
}

#[test]
fn json_report_has_reasons_and_byte_spans() {
    let out = bin().args(["--json", SAMPLE]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let input = std::fs::read_to_string(SAMPLE).unwrap();
    assert_eq!(v["schemaVersion"], 1);
    let removed = v["removed"].as_array().unwrap();
    let reason_of = |needle: &str| {
        removed
            .iter()
            .find(|r| r["text"].as_str().unwrap().contains(needle))
            .map(|r| r["reason"].as_str().unwrap().to_string())
    };
    assert_eq!(reason_of("You may also like").as_deref(), Some("linkList"));
    assert_eq!(reason_of("Share this article").as_deref(), Some("share"));
    // Spans are UTF-8 byte offsets into the input.
    for b in v["blocks"].as_array().unwrap() {
        let (s, e) = (
            b["span"]["start"].as_u64().unwrap() as usize,
            b["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&input[s..e], b["text"].as_str().unwrap());
    }
    let text = v["text"].as_str().unwrap();
    for b in v["blocks"].as_array().unwrap() {
        let (s, e) = (
            b["textSpan"]["start"].as_u64().unwrap() as usize,
            b["textSpan"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], b["text"].as_str().unwrap());
    }
}

#[test]
fn reads_standard_input() {
    let mut child = bin()
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = std::fs::read(SAMPLE).unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["text"].as_str().unwrap().starts_with("The town council"));
}

#[test]
fn invalid_utf8_is_decoded_with_a_note_on_stderr() {
    let dir = std::env::temp_dir().join(format!("newsclean-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("latin1.txt");
    let mut bytes = std::fs::read(SAMPLE).unwrap();
    bytes.extend_from_slice(b"\n\nCaf\xe9 au lait\n");
    std::fs::write(&f, &bytes).unwrap();
    let out = bin().arg(&f).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not valid UTF-8"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let out = bin().arg("/no/such/file.txt").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("newsclean: cannot read"));

    let out = bin()
        .args(["--max-input-bytes", "10", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("limit"));

    let out = bin().args(["--format", "pdf", SAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["--reference-date", "tomorrow", SAMPLE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn help_documents_every_option_and_the_offsets() {
    let out = bin().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--json",
        "--format",
        "--reference-date",
        "--language",
        "--max-input-bytes",
        "--near-duplicate-threshold",
        "--key-sentences",
        "--no-facts",
        "--keep-boilerplate",
        "--explain",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
    assert!(help.contains("UTF-8 byte offsets"));
}

#[test]
fn explain_lists_removed_blocks_with_reasons() {
    let out = bin().args(["--explain", SAMPLE]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (article, removed) = text.split_once("--- removed:").unwrap();
    assert!(article.contains("The town council approved"));
    assert!(
        removed
            .lines()
            .any(|l| l.trim_start().starts_with("linkList: You may also like")),
        "{removed}"
    );
}
