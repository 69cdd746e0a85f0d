//! Any bytes in, as text, HTML or sniffed (the first byte chooses): no panic, and the report's
//! invariants hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::{clean_bytes, Format, Options};

fuzz_target!(|data: &[u8]| {
    let format = match data.first().map(|b| b % 3) {
        Some(1) => Format::Html,
        Some(2) => Format::Text,
        _ => Format::Auto,
    };
    let opts = Options {
        format,
        markdown: true,
        ..Options::default()
    };
    let Ok(a) = clean_bytes(data, &opts) else { return };
    // Spans point into the decoded input.
    for b in &a.blocks {
        assert!(b.span.start <= b.span.end && b.span.end <= a.stats.input_bytes);
    }
    // Kept blocks sit in the text where their textSpan says.
    for b in &a.blocks {
        assert_eq!(&a.text[b.text_span.start..b.text_span.end], b.text);
    }
    // Duplicates point at kept blocks.
    for r in &a.removed {
        if let Some(i) = r.duplicate_of {
            assert!(i < a.blocks.len());
        }
    }
    // Facts point into the text.
    for s in &a.facts.sentences {
        assert!(a.text.get(s.span.start..s.span.end).is_some());
    }
});
