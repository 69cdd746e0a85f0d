//! Bad input: a clear error or a sane result, never a panic, never lost text.

mod common;

use newsclean::{clean, clean_bytes, Error, Options, Reason};

fn opts() -> Options {
    Options::default()
}

#[test]
fn empty_and_whitespace_inputs_give_an_empty_article() {
    for input in ["", " ", "\n\n\n", "\t \r\n \u{a0}\u{2003}"] {
        let a = clean(input, &opts()).unwrap();
        assert_eq!(a.text, "");
        assert!(a.blocks.is_empty());
        assert!(a.removed.is_empty());
        assert_eq!(a.schema_version, newsclean::SCHEMA_VERSION);
    }
}

#[test]
fn nul_and_control_bytes_do_not_break_anything() {
    let para = "The harbour authority said on Monday that the old crane would be taken down next spring after an inspection found rust in its frame.";
    let input = format!("\0\0\u{1}\u{7f}\n\n{para}\n\n\0binary\u{0}\u{1b}[0m junk\n");
    let a = clean(&input, &opts()).unwrap();
    assert!(a.text.contains(para));
}

#[test]
fn invalid_utf8_is_decoded_lossily() {
    let mut bytes = b"The river rose by two metres overnight and the town council closed the lower bridge to all traffic until further notice.\n\n".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, b'\n']);
    let a = clean_bytes(&bytes, &opts()).unwrap();
    assert!(a.text.starts_with("The river rose"));
    // Every input byte is accounted for in the decoded text's blocks or removed list.
    let total: usize = a.blocks.len() + a.removed.len();
    assert!(total >= 1);
}

#[test]
fn random_binary_garbage_gives_a_sane_result() {
    let bytes = common::random_bytes(0x9E37_79B9_7F4A_7C15, 200_000);
    let a = clean_bytes(&bytes, &opts()).unwrap();
    assert!(a.text.len() <= 4 * bytes.len());
}

#[test]
fn the_size_limit_is_a_typed_error() {
    let o = Options {
        max_input_bytes: 1000,
        ..opts()
    };
    let input = "word ".repeat(300);
    match clean(&input, &o) {
        Err(Error::InputTooLarge { limit, actual }) => {
            assert_eq!(limit, 1000);
            assert_eq!(actual, 1500);
        }
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
    let e = clean(&input, &o).unwrap_err();
    assert_eq!(e.code(), "INPUT_TOO_LARGE");
    assert!(e.to_string().contains("1500"));
    assert!(matches!(
        clean_bytes(input.as_bytes(), &o),
        Err(Error::InputTooLarge { .. })
    ));
}

#[test]
fn bad_options_are_rejected_with_a_message() {
    let o = Options {
        near_duplicate_threshold: 0.2,
        ..opts()
    };
    let e = clean("x", &o).unwrap_err();
    assert_eq!(e.code(), "INVALID_OPTIONS");
    assert!(e.to_string().contains("nearDuplicateThreshold"));
    let o = Options {
        reference_date: Some("27/11/2025".into()),
        ..opts()
    };
    assert!(clean("x", &o)
        .unwrap_err()
        .to_string()
        .contains("referenceDate"));
    let o = Options {
        language: Some("english".into()),
        ..opts()
    };
    assert!(clean("x", &o).unwrap_err().to_string().contains("language"));
}

#[test]
fn options_json_is_camel_case_and_rejects_unknown_keys() {
    let o: Options =
        serde_json::from_str(r#"{"referenceDate":"2025-11-27","keySentences":5}"#).unwrap();
    assert_eq!(o.reference_date.as_deref(), Some("2025-11-27"));
    assert_eq!(o.key_sentences, 5);
    let e = serde_json::from_str::<Options>(r#"{"reference_date":"2025-11-27"}"#).unwrap_err();
    assert!(e.to_string().contains("reference_date"));
}

/// A paragraph made unique by its number, so dedupe keeps it.
fn paragraph(i: usize) -> String {
    format!(
        "Report number {i} says the council met again on the {i}th day and agreed that the budget for the new library would be reviewed by the committee before the end of the year, as members asked for more detail."
    )
}

#[test]
fn one_giant_line_of_ten_megabytes() {
    let mut line = String::with_capacity(10 << 20);
    let mut i = 0;
    while line.len() < 10 << 20 {
        line.push_str(&paragraph(i));
        line.push(' ');
        i += 1;
    }
    let a = clean(
        &line,
        &Options {
            facts: false,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(a.stats.blocks_total, 1);
    assert_eq!(
        a.blocks.len()
            + a.removed
                .iter()
                .filter(|r| !r.reason.is_duplicate())
                .count(),
        1
    );
}

#[test]
fn a_hundred_thousand_repeated_paragraphs_collapse_to_one() {
    let p = paragraph(1);
    let input = format!("{p}\n\n").repeat(100_000);
    let a = clean(
        &input,
        &Options {
            facts: false,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.text, p);
    let dups = a
        .removed
        .iter()
        .filter(|r| r.reason == Reason::ExactDuplicate)
        .count();
    assert_eq!(dups, 99_999);
    assert!(a.removed.iter().all(|r| r.duplicate_of == Some(0)));
}

#[test]
fn fifty_megabytes_of_distinct_paragraphs() {
    let mut input = String::with_capacity(51 << 20);
    let mut i = 0;
    while input.len() < 50 << 20 {
        input.push_str(&paragraph(i));
        input.push_str("\n\n");
        i += 1;
    }
    let a = clean(
        &input,
        &Options {
            facts: false,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(a.stats.input_bytes, input.len());
    // Paragraphs differ only in their numbers: most are near-duplicates of one another, and
    // every block is either kept or reported.
    assert_eq!(a.blocks.len() + a.removed.len(), i);
}

#[test]
fn thousands_of_near_duplicates_point_at_kept_blocks() {
    let input: String = (0..5_000).map(|i| paragraph(i % 50) + "\n\n").collect();
    let a = clean(
        &input,
        &Options {
            facts: false,
            ..opts()
        },
    )
    .unwrap();
    for r in &a.removed {
        if r.reason.is_duplicate() {
            let of = r.duplicate_of.expect("duplicates name their original");
            assert!(of < a.blocks.len());
        }
    }
}
