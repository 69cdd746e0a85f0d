//! A printable form of a parsed tree, for the differential tests (`oracle.rs`, html5ever's tree)
//! and the fuzz target `tree` (which includes this file): two trees print the same when they are
//! the same.

/// One node below the document, in document order (a template's contents after its children).
#[derive(Debug)]
pub(crate) struct Item {
    pub depth: usize,
    pub what: What,
}

#[derive(Debug)]
pub(crate) enum What {
    /// An element: namespace ("html", "svg", "math"), name, and attributes (namespace: "",
    /// "xlink", "xml" or "xmlns"; local name; value).
    Element {
        ns: &'static str,
        name: String,
        attrs: Vec<(&'static str, String, String)>,
    },
    Text {
        text: String,
        line: u64,
    },
    Comment,
    /// A template's contents.
    Contents,
}

/// The tree as lines: elements with their attributes (sorted), text (with its line when `lines`,
/// but for whitespace-only text, whose line the walk never reads: html5ever's tokenizer hands text
/// over in more pieces, and where tree construction keeps whitespace but drops the text before
/// it, in column groups of templates and in framesets, such whitespace can get another line),
/// comments and template contents.
#[allow(dead_code)]
pub(crate) fn render(items: &[Item], lines: bool) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let d = i.depth;
            match &i.what {
                What::Element { ns, name, attrs } => {
                    let mut a: Vec<String> = attrs
                        .iter()
                        .map(|(ns, name, value)| format!("{ns}:{name}={value:?}"))
                        .collect();
                    a.sort();
                    format!("{d} <{ns}:{name} {}>", a.join(" "))
                }
                What::Text { text, line }
                    if lines && !text.bytes().all(|c| c.is_ascii_whitespace()) =>
                {
                    format!("{d} {text:?} @{line}")
                }
                What::Text { text, .. } => format!("{d} {text:?}"),
                What::Comment => format!("{d} comment"),
                What::Contents => format!("{d} contents"),
            }
        })
        .collect()
}
