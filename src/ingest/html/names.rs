//! Element and attribute names the parser and the walk tell apart, as small enums: a name is looked
//! up once, when the tokenizer reads it (a binary search over names packed into integers), and is
//! compared as a byte afterwards. Other names are kept as text.

/// `name` (at most 16 bytes, no NUL) as one integer, its bytes in order from the lowest (so names
/// of different lengths differ).
const fn pack(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut key = [0u8; 16];
    let mut i = 0;
    while i < name.len() {
        if name[i] == 0 {
            return None;
        }
        key[i] = name[i];
        i += 1;
    }
    Some(u128::from_le_bytes(key))
}

/// `entries` (name, value) as (packed name, value), sorted by the packed name.
const fn sort_keys<const N: usize>(entries: [(&str, u8); N]) -> [(u128, u8); N] {
    let mut out = [(0u128, 0u8); N];
    let mut i = 0;
    while i < N {
        // (Every name here is at most 16 bytes: the tests look each one up.)
        let key = match pack(entries[i].0.as_bytes()) {
            Some(k) => k,
            None => 0,
        };
        // Insertion sort (runs at compile time).
        let mut j = i;
        while j > 0 && out[j - 1].0 > key {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = (key, entries[i].1);
        i += 1;
    }
    out
}

/// The value of `name` in `keys` (made by `sort_keys`).
fn find(keys: &[(u128, u8)], name: &[u8]) -> Option<u8> {
    let key = pack(name)?;
    keys.binary_search_by(|(k, _)| k.cmp(&key))
        .ok()
        .and_then(|i| keys.get(i))
        .map(|&(_, v)| v)
}

macro_rules! names {
    ($(#[$doc:meta])* $ty:ident, $names:ident, $keys:ident: $($variant:ident = $name:literal,)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub(crate) enum $ty {
            $($variant,)*
            /// Any other name.
            Other,
        }

        /// The names, by variant.
        const $names: &[&str] = &[$($name,)*];

        const $keys: [(u128, u8); $names.len()] = sort_keys([$(($name, $ty::$variant as u8),)*]);

        impl $ty {
            /// Every variant but `Other`, in order.
            #[allow(dead_code)]
            pub(crate) const ALL: &[$ty] = &[$($ty::$variant,)*];

            /// The variant of a lower-case name.
            pub(crate) fn of(name: &[u8]) -> $ty {
                find(&$keys, name)
                    .and_then(|i| Self::ALL.get(usize::from(i)))
                    .copied()
                    .unwrap_or($ty::Other)
            }

            /// The name (empty for `Other`).
            pub(crate) fn name(self) -> &'static str {
                $names.get(self as usize).copied().unwrap_or("")
            }
        }
    };
}

names! {
    /// Element names: every name tree construction treats in its own way (HTML Standard §13.2.6),
    /// HTML and foreign, and a few more the walk reads.
    Local, LOCAL_NAMES, LOCAL_KEYS:
    A = "a",
    Address = "address",
    AnnotationXml = "annotation-xml",
    Applet = "applet",
    Area = "area",
    Article = "article",
    Aside = "aside",
    Audio = "audio",
    B = "b",
    Base = "base",
    Basefont = "basefont",
    Bgsound = "bgsound",
    Big = "big",
    Blockquote = "blockquote",
    Body = "body",
    Br = "br",
    Button = "button",
    Canvas = "canvas",
    Caption = "caption",
    Center = "center",
    Code = "code",
    Col = "col",
    Colgroup = "colgroup",
    Datalist = "datalist",
    Dd = "dd",
    Desc = "desc",
    Details = "details",
    Dialog = "dialog",
    Dir = "dir",
    Div = "div",
    Dl = "dl",
    Dt = "dt",
    Em = "em",
    Embed = "embed",
    Fieldset = "fieldset",
    Figcaption = "figcaption",
    Figure = "figure",
    Font = "font",
    Footer = "footer",
    ForeignObject = "foreignobject",
    Form = "form",
    Frame = "frame",
    Frameset = "frameset",
    H1 = "h1",
    H2 = "h2",
    H3 = "h3",
    H4 = "h4",
    H5 = "h5",
    H6 = "h6",
    Head = "head",
    Header = "header",
    Hgroup = "hgroup",
    Hr = "hr",
    Html = "html",
    I = "i",
    Iframe = "iframe",
    Image = "image",
    Img = "img",
    Input = "input",
    Isindex = "isindex",
    Keygen = "keygen",
    Legend = "legend",
    Li = "li",
    Link = "link",
    Listing = "listing",
    Main = "main",
    Malignmark = "malignmark",
    Map = "map",
    Marquee = "marquee",
    Math = "math",
    Menu = "menu",
    Meta = "meta",
    Mglyph = "mglyph",
    Mi = "mi",
    Mn = "mn",
    Mo = "mo",
    Ms = "ms",
    Mtext = "mtext",
    Nav = "nav",
    Nobr = "nobr",
    Noembed = "noembed",
    Noframes = "noframes",
    Noscript = "noscript",
    Object = "object",
    Ol = "ol",
    Optgroup = "optgroup",
    Option = "option",
    P = "p",
    Param = "param",
    Picture = "picture",
    Plaintext = "plaintext",
    Pre = "pre",
    Rb = "rb",
    Rp = "rp",
    Rt = "rt",
    Rtc = "rtc",
    Ruby = "ruby",
    S = "s",
    Script = "script",
    Search = "search",
    Section = "section",
    Select = "select",
    Small = "small",
    Source = "source",
    Span = "span",
    Strike = "strike",
    Strong = "strong",
    Style = "style",
    Sub = "sub",
    Summary = "summary",
    Sup = "sup",
    Svg = "svg",
    Table = "table",
    Tbody = "tbody",
    Td = "td",
    Template = "template",
    Textarea = "textarea",
    Tfoot = "tfoot",
    Th = "th",
    Thead = "thead",
    Title = "title",
    Tr = "tr",
    Track = "track",
    Tt = "tt",
    U = "u",
    Ul = "ul",
    Var = "var",
    Video = "video",
    Wbr = "wbr",
    Xmp = "xmp",
}

names! {
    /// Attribute names the parser or the walk reads. Tree construction looks at `type` (a hidden
    /// `<input>` in a table), `color`/`face`/`size` (a `<font>` that breaks out of SVG or MathML),
    /// `encoding` (`<annotation-xml>`) and `charset`/`http-equiv`/`content` (a `<meta>` that names
    /// an encoding); the walk and the metadata read the rest. The tokenizer leaves out every other
    /// attribute when it trims.
    A, ATTR_NAMES, ATTR_KEYS:
    Class = "class",
    Id = "id",
    Role = "role",
    Itemprop = "itemprop",
    Itemtype = "itemtype",
    Itemscope = "itemscope",
    Href = "href",
    Hidden = "hidden",
    AriaHidden = "aria-hidden",
    Style = "style",
    Lang = "lang",
    XmlLang = "xml:lang",
    Content = "content",
    Name = "name",
    Property = "property",
    Datetime = "datetime",
    Pubdate = "pubdate",
    Rel = "rel",
    Type = "type",
    Open = "open",
    Charset = "charset",
    HttpEquiv = "http-equiv",
    Color = "color",
    Face = "face",
    Size = "size",
    Encoding = "encoding",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_names_up() {
        for (i, name) in LOCAL_NAMES.iter().enumerate() {
            let l = Local::of(name.as_bytes());
            assert_eq!(l as usize, i, "{name}");
            assert_eq!(l.name(), *name);
        }
        for (i, name) in ATTR_NAMES.iter().enumerate() {
            assert_eq!(A::of(name.as_bytes()) as usize, i, "{name}");
        }
        for other in [
            "",
            "dv",
            "divs",
            "DIV",
            "x-long-custom-element-name",
            "h7",
            "\u{fffd}",
            "a\0",
            "\0",
        ] {
            assert_eq!(Local::of(other.as_bytes()), Local::Other, "{other}");
        }
        assert_eq!(Local::Other.name(), "");
        assert_eq!(A::of(b"class2"), A::Other);
    }
}
