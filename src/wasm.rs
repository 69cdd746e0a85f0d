//! The JavaScript binding (wasm32 only): the one file of the crate that knows about JavaScript.
//!
//! - Options come in as a plain object (camelCase keys, all optional, unknown keys rejected),
//!   read key by key here, so every message names the key at fault.
//! - Results go out as plain JSON-compatible objects, with every span converted to UTF-16
//!   code-unit offsets in one place ([`crate::utf16::Utf16Spans`]). They are built by
//!   serde-wasm-bindgen, a property at a time: one JSON string for `JSON.parse` was measured
//!   10-15% slower in Node (docs/wasm.md).
//! - Every error is a real JavaScript `Error` with a stable `code` property
//!   ([`crate::Error::code`], plus `INVALID_ARGUMENT` for a wrong argument type, thrown as a
//!   `TypeError`, and `INTERNAL` for a bug); nothing panics across the boundary.
//! - The TypeScript types are written at the source (`src/wasm/types.d.ts`) and bound to the
//!   exports here.
//!
//! The same file makes the full module and the core one (built without the `facts` feature,
//! where `facts: true` is an `INVALID_OPTIONS` error, see [`crate::Options::validate`]).

use std::sync::Once;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::utf16::Utf16Spans;
use crate::{Error, Format, Options};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm/types.d.ts");

/// Turns a panic (a bug: nothing in the crate should panic) into a thrown `Error` with code
/// `INTERNAL` instead of an opaque `RuntimeError: unreachable`. The instance may hold leaked
/// memory afterwards, but keeps working for later calls.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = format!(
                "newsclean: internal error (a bug; please report it with the input): {info}"
            );
            let err = with_code(js_sys::Error::new(&message).into(), "INTERNAL");
            wasm_bindgen::throw_val(err);
        }));
    });
}

/// Sets `error.code`.
fn with_code(error: JsValue, code: &str) -> JsValue {
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error
}

/// A crate error as a JavaScript `Error` with its code.
fn js_error(e: &Error) -> JsValue {
    with_code(js_sys::Error::new(&e.to_string()).into(), e.code())
}

/// What a JavaScript value is, in words, for messages.
fn kind_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(v) {
        "an array".to_string()
    } else if let Some(s) = v.as_string() {
        format!("the string {s:?}")
    } else if let Some(n) = v.as_f64() {
        format!("{n}")
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}

/// A `TypeError` for an argument of the wrong JavaScript type.
fn type_error(what: &str, expected: &str, got: &JsValue) -> JsValue {
    let got = if got.is_null() || js_sys::Array::is_array(got) {
        kind_of(got)
    } else {
        got.js_typeof().as_string().unwrap_or_default()
    };
    let message = format!("{what} must be {expected}, got {got}");
    with_code(js_sys::TypeError::new(&message).into(), "INVALID_ARGUMENT")
}

/// The input string, or a `TypeError`.
fn input_string(input: &JsValue) -> Result<String, JsValue> {
    input
        .as_string()
        .ok_or_else(|| type_error("input", "a string", input))
}

fn internal(message: &str) -> JsValue {
    with_code(
        js_sys::Error::new(&format!("newsclean: internal error: {message}")).into(),
        "INTERNAL",
    )
}

/// The camelCase names of the options, as JavaScript gives them (`tests/wasm.rs` checks that
/// they are exactly the keys `Options` serializes).
const OPTION_NAMES: [&str; 10] = [
    "format",
    "url",
    "referenceDate",
    "language",
    "maxInputBytes",
    "facts",
    "keySentences",
    "nearDuplicateThreshold",
    "keepBoilerplate",
    "markdown",
];

/// An `INVALID_OPTIONS` error: option `name` is not `expected`.
fn bad_option(name: &str, expected: &str, got: &JsValue) -> JsValue {
    js_error(&Error::InvalidOptions(format!(
        "{name} must be {expected}, got {}",
        kind_of(got)
    )))
}

fn boolean(name: &str, v: &JsValue) -> Result<bool, JsValue> {
    v.as_bool()
        .ok_or_else(|| bad_option(name, "true or false", v))
}

fn number(name: &str, v: &JsValue) -> Result<f64, JsValue> {
    v.as_f64().ok_or_else(|| bad_option(name, "a number", v))
}

fn whole(name: &str, v: &JsValue) -> Result<usize, JsValue> {
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= usize::MAX as f64 => Ok(n as usize),
        _ => Err(bad_option(name, "a whole number of at least 0", v)),
    }
}

fn string_or_null(name: &str, v: &JsValue) -> Result<Option<String>, JsValue> {
    if v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| bad_option(name, "a string or null", v))
}

/// Reads options from JavaScript: `undefined` and `null` mean all defaults; otherwise a plain
/// object whose own keys are all known, where a key set to `undefined` means its default.
fn options_from_js(value: &JsValue) -> Result<Options, JsValue> {
    let mut o = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(o);
    }
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(type_error("options", "an object", value));
    }
    for entry in Object::entries(value.unchecked_ref()).iter() {
        let name = Reflect::get_u32(&entry, 0)
            .ok()
            .and_then(|k| k.as_string())
            .unwrap_or_default();
        let v = Reflect::get_u32(&entry, 1).unwrap_or_default();
        if v.is_undefined() && OPTION_NAMES.contains(&name.as_str()) {
            continue;
        }
        let n = name.as_str();
        match n {
            "format" => {
                o.format = match v.as_string().as_deref() {
                    Some("auto") => Format::Auto,
                    Some("text") => Format::Text,
                    Some("html") => Format::Html,
                    _ => return Err(bad_option(n, "\"auto\", \"text\" or \"html\"", &v)),
                }
            }
            "url" => o.url = string_or_null(n, &v)?,
            "referenceDate" => o.reference_date = string_or_null(n, &v)?,
            "language" => o.language = string_or_null(n, &v)?,
            "maxInputBytes" => o.max_input_bytes = whole(n, &v)?,
            "facts" => o.facts = boolean(n, &v)?,
            "keySentences" => o.key_sentences = whole(n, &v)?,
            "nearDuplicateThreshold" => o.near_duplicate_threshold = number(n, &v)?,
            "keepBoilerplate" => o.keep_boilerplate = boolean(n, &v)?,
            "markdown" => o.markdown = boolean(n, &v)?,
            _ => {
                return Err(js_error(&Error::InvalidOptions(format!(
                    "unknown option {name:?}; the options are {}",
                    OPTION_NAMES.join(", ")
                ))))
            }
        }
    }
    Ok(o)
}

/// Results are plain objects: maps as objects, `None` as `null`, no `BigInt`s.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

/// A value as a plain object.
fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map_err(|e| internal(&e.to_string()))
}

/// A report as a plain object, with UTF-16 spans (`input` is what block spans count in).
fn to_js<T: Serialize>(value: &T, input: &str, text: &str) -> Result<JsValue, JsValue> {
    plain(&Utf16Spans::new(value, input, text))
}

fn clean_with(cleaner: &crate::Cleaner, input: &JsValue) -> Result<JsValue, JsValue> {
    let input = input_string(input)?;
    let article = cleaner.clean(&input).map_err(|e| js_error(&e))?;
    to_js(&article, &input, &article.text)
}

/// Cleans one page: returns the article alone, each paragraph once, its key facts, and a reason
/// for every removed block. For many pages, make a `Cleaner` once.
///
/// Throws a `NewscleanError`: a `TypeError` with code `INVALID_ARGUMENT` when `input` is not a
/// string or `options` not an object; code `INVALID_OPTIONS` or `INPUT_TOO_LARGE` otherwise.
#[wasm_bindgen(js_name = clean, unchecked_return_type = "Article")]
pub fn clean(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    install_panic_hook();
    let options = options_from_js(&options)?;
    let cleaner = crate::Cleaner::new(options).map_err(|e| js_error(&e))?;
    clean_with(&cleaner, &input)
}

/// The version of newsclean (the npm package and the crate share it).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A reusable cleaner: checks its options once; `clean` it as many pages as you like.
///
/// ```js
/// const cleaner = new Cleaner({ referenceDate: "2025-11-27" });
/// const article = cleaner.clean(pageText);
/// ```
#[wasm_bindgen(js_name = Cleaner)]
pub struct JsCleaner {
    inner: crate::Cleaner,
}

#[wasm_bindgen(js_class = Cleaner)]
impl JsCleaner {
    /// A cleaner with these options (all optional). Throws a `NewscleanError` with code
    /// `INVALID_OPTIONS` for an unknown option or a bad value, a `TypeError` with code
    /// `INVALID_ARGUMENT` when `options` is not an object.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: JsValue,
    ) -> Result<JsCleaner, JsValue> {
        install_panic_hook();
        let options = options_from_js(&options)?;
        let inner = crate::Cleaner::new(options).map_err(|e| js_error(&e))?;
        Ok(JsCleaner { inner })
    }

    /// Cleans one page (see `clean`).
    #[wasm_bindgen(unchecked_return_type = "Article")]
    pub fn clean(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        clean_with(&self.inner, &input)
    }

    /// The options in use, every default filled in.
    #[wasm_bindgen(getter, unchecked_return_type = "Required<Options>")]
    pub fn options(&self) -> Result<JsValue, JsValue> {
        plain(self.inner.options())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// Nothing in the crate panics; should something, JavaScript gets an `Error` with code
    /// `INTERNAL` (a panic inside a JS-called closure stands in for a bug).
    #[wasm_bindgen_test]
    fn a_panic_becomes_an_internal_error() {
        install_panic_hook();
        let boom = Closure::<dyn Fn()>::new(|| {
            let depth = std::hint::black_box(3);
            if depth > 2 {
                panic!("boom at depth {depth}");
            }
        });
        let f: &js_sys::Function = boom.as_ref().unchecked_ref();
        let err = f.call0(&JsValue::NULL).unwrap_err();
        assert!(err.is_instance_of::<js_sys::Error>());
        let code = Reflect::get(&err, &JsValue::from_str("code")).unwrap();
        assert_eq!(code.as_string().as_deref(), Some("INTERNAL"));
        let message = Reflect::get(&err, &JsValue::from_str("message")).unwrap();
        assert!(message.as_string().unwrap().contains("boom at depth 3"));
    }
}
