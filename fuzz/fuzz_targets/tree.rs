//! Any text in: our HTML parser builds the tree html5ever builds (elements, namespaces,
//! attributes, text and the lines of text; `src/ingest/html/treedump.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/ingest/html/treedump.rs"]
mod treedump;

#[path = "../../src/ingest/html/oracle.rs"]
mod oracle;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    // html5ever panics on a few inputs (e.g. a `<meta http-equiv=content-type>` whose content
    // ends in `charset`): those are not compared.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let theirs = oracle::parse(&src);
    std::panic::set_hook(hook);
    let Some(theirs) = theirs else { return };
    let ours = newsclean::fuzzing::html_tree(&src, true);
    let theirs = treedump::render(&theirs, true);
    if ours != theirs {
        let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
        panic!(
            "{src:?}\nours:   {:?}\ntheirs: {:?}",
            ours.get(at.saturating_sub(2)..(at + 3).min(ours.len())),
            theirs.get(at.saturating_sub(2)..(at + 3).min(theirs.len()))
        );
    }
});
