//! UTF-16 offsets for JavaScript (and anything else that indexes strings by UTF-16 code units).
//!
//! The report's spans are UTF-8 byte offsets. [`Utf16Spans`] serializes a report (an
//! [`crate::Article`], a [`crate::Facts`], or any value containing [`crate::Span`]s) with **every**
//! span converted to UTF-16 code-unit offsets, so that `text.slice(start, end)` is right in
//! JavaScript for text with emoji and non-Latin scripts.
//!
//! The conversion is generic: it happens while serializing, on every struct serde names `Span`,
//! wherever it sits, so a span field added to any fact later is converted without a change here.
//! Which string a span counts in is decided by where it sits in the report:
//! - a field named `span` anywhere under the top-level `blocks` or `removed` points into the
//!   **input**;
//! - every other span (`textSpan` of kept blocks, all facts) points into **`text`**.
//!
//! ```
//! use newsclean::{clean, utf16::Utf16Spans, Options};
//! let input = "Der Gemeinderat hat am Dienstag den neuen Haushalt beschlossen 🎉 nach langer Debatte.";
//! let article = clean(input, &Options::default())?;
//! let json = serde_json::to_value(Utf16Spans::new(&article, input, &article.text)).unwrap();
//! // 🎉 is 4 UTF-8 bytes but 2 UTF-16 code units.
//! assert_eq!(json["blocks"][0]["span"]["end"], input.encode_utf16().count());
//! # Ok::<(), newsclean::Error>(())
//! ```

use std::cell::OnceCell;

use serde::ser::{self, Serialize, Serializer};

/// A map from UTF-8 byte offsets to UTF-16 code-unit offsets in one string.
///
/// Built in one pass; a lookup is a binary search over the string's non-ASCII characters (and free
/// for ASCII text).
#[derive(Clone, Debug, Default)]
pub struct Utf16Map {
    /// For each non-ASCII character: the byte offset just after it, and the total count of
    /// (UTF-8 bytes − UTF-16 units) of all non-ASCII characters up to and including it.
    marks: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// The map of `s`.
    pub fn new(s: &str) -> Utf16Map {
        let mut marks = Vec::new();
        if s.is_ascii() {
            return Utf16Map { marks };
        }
        let mut delta = 0;
        for (i, c) in s.char_indices() {
            let bytes = c.len_utf8();
            if bytes > 1 {
                delta += bytes - c.len_utf16();
                marks.push((i + bytes, delta));
            }
        }
        Utf16Map { marks }
    }

    /// The UTF-16 offset of UTF-8 byte offset `byte` (which should be on a character boundary;
    /// an offset inside a character maps to a value between the character's two ends).
    pub fn convert(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&(end, _)| end <= byte);
        let delta = match i.checked_sub(1).and_then(|j| self.marks.get(j)) {
            Some(&(_, d)) => d,
            None => 0,
        };
        byte.saturating_sub(delta)
    }
}

/// Which string a span counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    Input,
    Text,
}

/// Where the serializer is in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// The top-level value.
    Root,
    /// Somewhere under `blocks` or `removed`, not (yet) under a `span` field.
    InputArea,
    /// Under a `span` field below `blocks` or `removed`.
    Input,
    /// Anywhere else: spans here point into `text`.
    Text,
    /// The `start` / `end` numbers of a span counting in the given string.
    Offset(Base),
}

impl Place {
    /// The place of the struct field `key` of a struct at this place.
    fn field(self, key: &str) -> Place {
        match self {
            Place::Root if key == "blocks" || key == "removed" => Place::InputArea,
            Place::Root => Place::Text,
            Place::InputArea if key == "span" => Place::Input,
            p => p,
        }
    }

    /// The place of the fields of a `Span` struct at this place.
    fn span_fields(self) -> Place {
        match self {
            Place::Input | Place::Offset(Base::Input) => Place::Offset(Base::Input),
            _ => Place::Offset(Base::Text),
        }
    }
}

/// A string and its offset map, built on first use.
struct Lazy<'a> {
    s: &'a str,
    map: OnceCell<Utf16Map>,
}

impl<'a> Lazy<'a> {
    fn new(s: &'a str) -> Self {
        Lazy {
            s,
            map: OnceCell::new(),
        }
    }
    fn convert(&self, byte: usize) -> usize {
        self.map.get_or_init(|| Utf16Map::new(self.s)).convert(byte)
    }
}

struct Ctx<'a> {
    input: Lazy<'a>,
    text: Lazy<'a>,
}

impl Ctx<'_> {
    fn convert(&self, base: Base, byte: u64) -> u64 {
        let Ok(b) = usize::try_from(byte) else {
            return byte;
        };
        let lazy = match base {
            Base::Input => &self.input,
            Base::Text => &self.text,
        };
        lazy.convert(b) as u64
    }
}

/// Serializes a value with every [`crate::Span`] in it as UTF-16 code-unit offsets (see the
/// module docs for which string each span counts in).
pub struct Utf16Spans<'a, T: ?Sized> {
    value: &'a T,
    ctx: Ctx<'a>,
}

impl<'a, T: ?Sized + Serialize> Utf16Spans<'a, T> {
    /// Wraps `value`, whose input spans count in `input` and whose other spans count in `text`
    /// (for an [`crate::Article`], `text` is `article.text`; for facts of a clean text, pass the
    /// text twice).
    pub fn new(value: &'a T, input: &'a str, text: &'a str) -> Self {
        Utf16Spans {
            value,
            ctx: Ctx {
                input: Lazy::new(input),
                text: Lazy::new(text),
            },
        }
    }
}

impl<T: ?Sized + Serialize> Serialize for Utf16Spans<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Proxy {
            inner: serializer,
            ctx: &self.ctx,
            place: Place::Root,
        })
    }
}

/// A serializer that forwards everything to `inner`, converting span offsets on the way.
struct Proxy<'c, S> {
    inner: S,
    ctx: &'c Ctx<'c>,
    place: Place,
}

/// A value to serialize at a given place (for nested values).
struct At<'c, 'v, T: ?Sized> {
    value: &'v T,
    ctx: &'c Ctx<'c>,
    place: Place,
}

impl<T: ?Sized + Serialize> Serialize for At<'_, '_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Proxy {
            inner: serializer,
            ctx: self.ctx,
            place: self.place,
        })
    }
}

/// A compound value (sequence, map, struct…) being serialized at a place. `span` is set for the
/// fields of a `Span` struct.
struct Compound<'c, C> {
    inner: C,
    ctx: &'c Ctx<'c>,
    place: Place,
    span: bool,
}

impl<'c, C> Compound<'c, C> {
    fn at<'v, T: ?Sized>(&self, value: &'v T, place: Place) -> At<'c, 'v, T> {
        At {
            value,
            ctx: self.ctx,
            place,
        }
    }
    fn field_place(&self, key: &str) -> Place {
        if self.span {
            self.place.span_fields()
        } else {
            self.place.field(key)
        }
    }
}

macro_rules! forward {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            self.inner.$method(v)
        })*
    };
}

impl<'c, S: Serializer> Serializer for Proxy<'c, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'c, S::SerializeSeq>;
    type SerializeTuple = Compound<'c, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'c, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'c, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'c, S::SerializeMap>;
    type SerializeStruct = Compound<'c, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'c, S::SerializeStructVariant>;

    forward! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_unit_struct(&'static str);
    }

    fn serialize_u32(self, v: u32) -> Result<S::Ok, S::Error> {
        match self.place {
            Place::Offset(base) => {
                let converted = self.ctx.convert(base, u64::from(v));
                self.inner
                    .serialize_u32(u32::try_from(converted).unwrap_or(v))
            }
            _ => self.inner.serialize_u32(v),
        }
    }

    fn serialize_u64(self, v: u64) -> Result<S::Ok, S::Error> {
        match self.place {
            Place::Offset(base) => self.inner.serialize_u64(self.ctx.convert(base, v)),
            _ => self.inner.serialize_u64(v),
        }
    }

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(&At {
            value,
            ctx: self.ctx,
            place: self.place,
        })
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_struct(
            name,
            &At {
                value,
                ctx: self.ctx,
                place: self.place,
            },
        )
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_variant(
            name,
            index,
            variant,
            &At {
                value,
                ctx: self.ctx,
                place: self.place,
            },
        )
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound::new(
            self.ctx,
            self.place,
            self.inner.serialize_seq(len)?,
            false,
        ))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound::new(
            self.ctx,
            self.place,
            self.inner.serialize_tuple(len)?,
            false,
        ))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound::new(
            self.ctx,
            self.place,
            self.inner.serialize_tuple_struct(name, len)?,
            false,
        ))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self
            .inner
            .serialize_tuple_variant(name, index, variant, len)?;
        Ok(Compound {
            inner,
            ctx: self.ctx,
            place: self.place,
            span: false,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Compound::new(
            self.ctx,
            self.place,
            self.inner.serialize_map(len)?,
            false,
        ))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let span = name == "Span";
        Ok(Compound::new(
            self.ctx,
            self.place,
            self.inner.serialize_struct(name, len)?,
            span,
        ))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self
            .inner
            .serialize_struct_variant(name, index, variant, len)?;
        Ok(Compound {
            inner,
            ctx: self.ctx,
            place: self.place,
            span: false,
        })
    }

    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.collect_str(value)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<'c, C> Compound<'c, C> {
    fn new(ctx: &'c Ctx<'c>, place: Place, inner: C, span: bool) -> Self {
        Compound {
            inner,
            ctx,
            place,
            span,
        }
    }
}

/// The serde traits whose elements have no name (sequences, tuples): each element is converted
/// at the compound's own place and forwarded.
macro_rules! forward_elements {
    ($($tr:ident::$method:ident),* $(,)?) => {$(
        impl<C: ser::$tr> ser::$tr for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
                let v = self.at(value, self.place);
                self.inner.$method(&v)
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    )*};
}

forward_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), C::Error> {
        let k = self.at(key, self.place);
        self.inner.serialize_key(&k)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        let v = self.at(value, self.place);
        self.inner.serialize_value(&v)
    }
    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), C::Error> {
        let (k, v) = (self.at(key, self.place), self.at(value, self.place));
        self.inner.serialize_entry(&k, &v)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

/// The serde traits of structs (and struct variants): each field is converted at the place its
/// name gives and forwarded.
macro_rules! forward_fields {
    ($($tr:ident),* $(,)?) => {$(
        impl<C: ser::$tr> ser::$tr for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                let v = self.at(value, self.field_place(key));
                self.inner.serialize_field(key, &v)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.inner.skip_field(key)
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        }
    )*};
}

forward_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::{clean, Options, Span};
    use serde::Serialize;
    use serde_json::{json, Value};

    fn utf16_len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    /// The UTF-16 slice `start..end` of `s`.
    fn slice16(s: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&units[start..end])
    }

    #[test]
    fn map_converts_every_boundary() {
        let s = "aé€😀b\u{1F1FA}\u{1F1E6}дом日本";
        let m = Utf16Map::new(s);
        for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
            assert_eq!(m.convert(i), utf16_len(&s[..i]), "byte {i}");
        }
        let ascii = Utf16Map::new("plain");
        assert_eq!(ascii.convert(3), 3);
        // Past the end and inside a character: no panic, monotonic.
        assert_eq!(m.convert(10_000), 10_000 - (s.len() - utf16_len(s)));
        assert!(m.convert(2) <= m.convert(3));
    }

    /// A report shape with span fields the real report does not have (yet): new fields anywhere
    /// must be converted without any change to the converter.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Future {
        blocks: Vec<FutureBlock>,
        removed: Vec<FutureBlock>,
        facts: FutureFacts,
        span: Span,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct FutureBlock {
        span: Span,
        text_span: Span,
        parts: Vec<(Span, Option<Span>)>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct FutureFacts {
        events: Vec<Event>,
        by_name: std::collections::BTreeMap<String, Span>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Event {
        Said { span: Span, cue: Option<Span> },
        Happened(Span),
    }

    #[test]
    fn converts_span_fields_it_has_never_seen() {
        let input = "😀 ab";
        let text = "дом ab";
        let s = |start, end| Span::new(start, end);
        let v = Future {
            blocks: vec![FutureBlock {
                span: s(5, 7),      // "ab" in input: bytes 5..7 → units 3..5
                text_span: s(7, 9), // "ab" in text: bytes 7..9 → units 4..6
                parts: vec![(s(0, 6), Some(s(0, 2)))],
            }],
            removed: vec![],
            facts: FutureFacts {
                events: vec![
                    Event::Said {
                        span: s(0, 6),
                        cue: Some(s(7, 9)),
                    },
                    Event::Happened(s(2, 4)),
                ],
                by_name: [("x".to_string(), s(6, 7))].into(),
            },
            span: s(0, 9),
        };
        let j = serde_json::to_value(Utf16Spans::new(&v, input, text)).unwrap();
        let b = &j["blocks"][0];
        assert_eq!(b["span"], json!({"start": 3, "end": 5}));
        assert_eq!(b["textSpan"], json!({"start": 4, "end": 6}));
        // Spans inside a block's other fields count in text.
        assert_eq!(
            b["parts"][0],
            json!([{"start": 0, "end": 3}, {"start": 0, "end": 1}])
        );
        let e = &j["facts"]["events"];
        assert_eq!(e[0]["said"]["span"], json!({"start": 0, "end": 3}));
        assert_eq!(e[0]["said"]["cue"], json!({"start": 4, "end": 6}));
        assert_eq!(e[1]["happened"], json!({"start": 1, "end": 2}));
        assert_eq!(j["facts"]["byName"]["x"], json!({"start": 3, "end": 4}));
        assert_eq!(j["span"], json!({"start": 0, "end": 6}));
    }

    /// Every object with a `span` and a `text` in the converted report must slice right.
    fn check_slices(v: &Value, base: &str, input: &str, text: &str, checked: &mut usize) {
        match v {
            Value::Object(o) => {
                // A kept block's `span` is the whole input block; its text may have sentences cut.
                let kept_block = o.contains_key("textSpan");
                if let (Some(Value::String(t)), Some(sp), false) =
                    (o.get("text"), o.get("span"), kept_block)
                {
                    let (a, b) = (sp["start"].as_u64().unwrap(), sp["end"].as_u64().unwrap());
                    let src = if base == "input" { input } else { text };
                    assert_eq!(&slice16(src, a as usize, b as usize), t, "{base} {sp}");
                    *checked += 1;
                }
                for (k, x) in o {
                    let base = if base == "root" && (k == "blocks" || k == "removed") {
                        "input"
                    } else if base == "root" {
                        "text"
                    } else {
                        base
                    };
                    check_slices(x, base, input, text, checked);
                }
            }
            Value::Array(a) => {
                for x in a {
                    check_slices(x, base, input, text, checked);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn article_spans_slice_right_in_utf16() {
        let input = "Главная\nНовости\nСпорт\n\n\
            Совет города утвердил новый бюджет во вторник 🎉 после долгих дебатов, которые шли до позднего вечера.\n\n\
            市议会周二批准了新的预算。会议持续到深夜，议员们表示计划将资助两所新学校。\n\n\
            Совет города утвердил новый бюджет во вторник 🎉 после долгих дебатов, которые шли до позднего вечера.\n\n\
            © 2025 Городские новости. Все права защищены.\n";
        let article = clean(input, &Options::default()).unwrap();
        assert!(!article.removed.is_empty());
        let j = serde_json::to_value(Utf16Spans::new(&article, input, &article.text)).unwrap();
        let mut checked = 0;
        check_slices(&j, "root", input, &article.text, &mut checked);
        assert!(checked >= article.removed.len());
        for b in j["blocks"].as_array().unwrap() {
            let ts = &b["textSpan"];
            let (a, e) = (ts["start"].as_u64().unwrap(), ts["end"].as_u64().unwrap());
            assert_eq!(slice16(&article.text, a as usize, e as usize), b["text"]);
        }
        for s in j["facts"]["sentences"].as_array().unwrap() {
            assert!(s["span"]["end"].as_u64().unwrap() as usize <= utf16_len(&article.text));
        }
    }
}
