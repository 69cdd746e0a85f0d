//! Ingest: the only stage that knows the input format. Every input becomes a `Vec<Block>`.

pub(crate) mod html;
pub(crate) mod text;
