//! Unit tests of quote extraction, on sentences written for them.

use super::*;

fn ctx() -> crate::facts::Context {
    crate::facts::Context::default()
}

fn quotes(text: &str) -> Vec<Quote> {
    let sentences = crate::facts::sentences::split(text);
    extract(text, &sentences, &[], &ctx())
}
