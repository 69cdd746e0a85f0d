//! Any text in: our HTML tokenizer feeds html5ever's tree builder the tree html5ever's own
//! tokenizer would (elements, attributes, text; line numbers are checked by the unit tests).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    newsclean::fuzzing::tokenizer_agrees(&String::from_utf8_lossy(data));
});
