//! Any bytes in: no panic, and the report's invariants hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::{clean_bytes, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(a) = clean_bytes(data, &Options::default()) else { return };
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
