//! The JavaScript binding (wasm32 only): the one file of the crate that knows about JavaScript.
//!
//! - Options come in as a plain object (camelCase keys, all optional, unknown keys rejected).
//! - Results go out as plain JSON-compatible objects, with every span converted to UTF-16
//!   code-unit offsets in one place ([`crate::utf16::Utf16Spans`]).
//! - Every error is a real JavaScript `Error` with a stable `code` property
//!   ([`crate::Error::code`], plus `INVALID_ARGUMENT` for a wrong argument type, thrown as a
//!   `TypeError`, and `INTERNAL` for a bug); nothing panics across the boundary.
//! - The TypeScript types are written at the source (`src/wasm/types.d.ts`) and bound to the
//!   exports here.

use std::sync::Once;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::utf16::Utf16Spans;
use crate::{Error, Options};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("wasm/types.d.ts");

/// Results are plain objects: maps as objects, `None` as `null`, no `BigInt`s.
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::json_compatible();

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

/// A `TypeError` for an argument of the wrong JavaScript type.
fn type_error(what: &str, expected: &str, got: &JsValue) -> JsValue {
    let got = if got.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(got) {
        "an array".to_string()
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

/// The camelCase names of every option (from the `Options` type itself, so none is forgotten).
fn option_names() -> Result<Vec<String>, JsValue> {
    let defaults = Options::default()
        .serialize(&SERIALIZER)
        .map_err(|e| internal(&e.to_string()))?;
    let keys = Object::keys(defaults.unchecked_ref::<Object>());
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

fn internal(message: &str) -> JsValue {
    with_code(
        js_sys::Error::new(&format!("newsclean: internal error: {message}")).into(),
        "INTERNAL",
    )
}

fn invalid_options(message: String) -> JsValue {
    js_error(&Error::InvalidOptions(message))
}

/// Reads options from JavaScript: `undefined` and `null` mean all defaults; otherwise a plain
/// object whose keys are all known, where a key set to `undefined` means its default.
fn options_from_js(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(type_error("options", "an object", value));
    }
    let names = option_names()?;
    // A copy with the own enumerable keys that are not `undefined` (serde-wasm-bindgen ignores
    // unknown keys, so they are checked here).
    let given = Object::new();
    for entry in Object::entries(value.unchecked_ref()).iter() {
        let key = Reflect::get_u32(&entry, 0).unwrap_or_default();
        let val = Reflect::get_u32(&entry, 1).unwrap_or_default();
        let name = key.as_string().unwrap_or_default();
        if !names.contains(&name) {
            return Err(invalid_options(format!(
                "unknown option {name:?}; the options are {}",
                names.join(", ")
            )));
        }
        if !val.is_undefined() {
            let _ = Reflect::set(&given, &key, &val);
        }
    }
    serde_wasm_bindgen::from_value::<Options>(given.clone().into()).map_err(|first| {
        // Name the option at fault: read each key alone.
        for entry in Object::entries(&given).iter() {
            let Ok(one) = Object::from_entries(&js_sys::Array::of1(&entry)) else {
                continue;
            };
            if let Err(e) = serde_wasm_bindgen::from_value::<Options>(one.into()) {
                let name = Reflect::get_u32(&entry, 0)
                    .ok()
                    .and_then(|k| k.as_string())
                    .unwrap_or_default();
                let detail = e.to_string();
                let detail = detail
                    .trim_start_matches("Error: ")
                    .replace("expected usize", "expected a whole number of at least 0");
                return invalid_options(format!("{name}: {detail}"));
            }
        }
        invalid_options(first.to_string().trim_start_matches("Error: ").to_string())
    })
}

/// A report as a plain object, with UTF-16 spans (`input` is what block spans count in).
fn to_js<T: Serialize>(value: &T, input: &str, text: &str) -> Result<JsValue, JsValue> {
    Utf16Spans::new(value, input, text)
        .serialize(&SERIALIZER)
        .map_err(|e| internal(&e.to_string()))
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
        self.inner
            .options()
            .serialize(&SERIALIZER)
            .map_err(|e| internal(&e.to_string()))
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
