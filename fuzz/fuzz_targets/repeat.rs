//! Hunts superlinear time: the input is a small pattern repeated into a large page, the way
//! comrak's and pulldown-cmark's quadratic fuzzers build theirs. Run with `-timeout=10`: a clean
//! of ~1 MB that takes seconds is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsclean::{clean, Options};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    // First byte: how many kilo-repeats; the rest: the pattern.
    let times = (usize::from(data[0]) + 1) * 64;
    let pattern = String::from_utf8_lossy(&data[1..]);
    let mut page = String::with_capacity(pattern.len() * times);
    for _ in 0..times {
        page.push_str(&pattern);
        if page.len() > 1 << 20 {
            break;
        }
    }
    let _ = clean(&page, &Options::default());
});
