//! Conversions at the boundary: keyword arguments to [`Options`], pages to Rust, reports to
//! Python objects, errors to the exception classes of `newsclean._errors`.

use std::sync::OnceLock;

use newsclean::{Article, Options};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyString};

/// What can go wrong while cleaning one page.
pub(crate) enum Failure {
    /// The core's error (its stable code and message).
    Core(newsclean::Error),
    /// A panic in the core: a bug, reported with code `INTERNAL`.
    Panic(String),
}

/// One page, as Python handed it over (no copy for `bytes`; the UTF-8 of a `str`).
pub(crate) enum Page {
    /// A `str`.
    Text(PyBackedStr),
    /// `bytes` or `bytearray`, decoded as `newsclean::clean_bytes` does.
    Bytes(PyBackedBytes),
}

/// The type name of a Python object, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

impl Page {
    /// A `str`, `bytes` or `bytearray`, or `INVALID_ARGUMENT`.
    pub(crate) fn from_py(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Page> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Page::Text(PyBackedStr::try_from(s.clone())?));
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
            return Ok(Page::Bytes(obj.extract::<PyBackedBytes>()?));
        }
        Err(error(
            obj.py(),
            "INVALID_ARGUMENT",
            &format!("{what} must be a str or bytes, got {}", type_name(obj)),
        ))
    }

    /// Cleans the page; a panic (a bug) becomes [`Failure::Panic`].
    pub(crate) fn clean(
        &self,
        cleaner: &newsclean::Cleaner,
        encoding: Option<&str>,
    ) -> Result<Article, Failure> {
        let run = std::panic::AssertUnwindSafe(|| match self {
            Page::Text(s) => cleaner.clean(s),
            Page::Bytes(b) => cleaner.clean_bytes_with_charset(b, encoding),
        });
        match std::panic::catch_unwind(run) {
            Ok(r) => r.map_err(Failure::Core),
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(Failure::Panic(what))
            }
        }
    }
}

/// An exception of `newsclean._errors` for a stable code (`INVALID_OPTIONS`, `INTERNAL`, ...).
pub(crate) fn error(py: Python<'_>, code: &str, message: &str) -> PyErr {
    error_with(py, code, message, None)
}

/// Like [`error`], with the limit and size of an `INPUT_TOO_LARGE` error.
fn error_with(py: Python<'_>, code: &str, message: &str, sizes: Option<(usize, usize)>) -> PyErr {
    match exception(py, code, message, sizes) {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// The exception instance (not raised) for a code, from `newsclean._errors.make`.
fn exception<'py>(
    py: Python<'py>,
    code: &str,
    message: &str,
    sizes: Option<(usize, usize)>,
) -> PyResult<Bound<'py, PyAny>> {
    static MAKE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let make = MAKE.import(py, "newsclean._errors", "make")?;
    let (limit, actual) = match sizes {
        Some((l, a)) => (Some(l), Some(a)),
        None => (None, None),
    };
    make.call1((code, message, limit, actual))
}

/// A failure as its exception instance (for `return_exceptions`) or as a `PyErr` to raise.
pub(crate) fn failure_exception<'py>(py: Python<'py>, f: &Failure) -> PyResult<Bound<'py, PyAny>> {
    match f {
        Failure::Core(e) => {
            let sizes = match e {
                newsclean::Error::InputTooLarge { limit, actual } => Some((*limit, *actual)),
                _ => None,
            };
            exception(py, e.code(), &pythonic(py, &e.to_string())?, sizes)
        }
        Failure::Panic(what) => exception(
            py,
            "INTERNAL",
            &format!("newsclean: internal error (a bug; please report it with the input): {what}"),
            None,
        ),
    }
}

/// A failure as a `PyErr`.
pub(crate) fn failure_err(py: Python<'_>, f: &Failure) -> PyErr {
    match failure_exception(py, f) {
        Ok(e) => PyErr::from_value(e),
        Err(e) => e,
    }
}

/// The report as Python objects: dicts, lists, str, int, float, bool and None, with the keys and
/// order of the JSON report (`json.dumps` of it equals the CLI's `--json`).
pub(crate) fn report(py: Python<'_>, article: &Article) -> PyResult<Py<PyAny>> {
    pythonize::pythonize(py, article)
        .map(Bound::unbind)
        .map_err(|e| error(py, "INTERNAL", &format!("cannot convert the report: {e}")))
}

/// The Python type an option takes, from the type of its default.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bool,
    Int,
    Float,
    Str,
}

/// One option: its snake_case and camelCase names and its type.
struct OptionName {
    snake: String,
    camel: String,
    kind: Kind,
}

/// Every option, read from `Options::default()` itself so that none is forgotten.
fn option_names(py: Python<'_>) -> PyResult<&'static [OptionName]> {
    static NAMES: OnceLock<Vec<OptionName>> = OnceLock::new();
    if let Some(n) = NAMES.get() {
        return Ok(n);
    }
    let defaults = pythonize::pythonize(py, &Options::default())
        .map_err(|e| error(py, "INTERNAL", &e.to_string()))?;
    let defaults = defaults.cast::<PyDict>()?;
    let mut names = Vec::new();
    for (key, value) in defaults.iter() {
        let camel: String = key.extract()?;
        let kind = if value.is_instance_of::<PyBool>() {
            Kind::Bool
        } else if value.is_instance_of::<PyInt>() {
            Kind::Int
        } else if value.is_instance_of::<PyFloat>() {
            Kind::Float
        } else {
            // Strings, enums as strings, and the `None` of options that default to none.
            Kind::Str
        };
        names.push(OptionName {
            snake: snake_case(&camel),
            camel,
            kind,
        });
    }
    Ok(NAMES.get_or_init(|| names))
}

/// Whether a value has the type an option takes (serde alone would take any truthy value for a
/// bool).
fn has_kind(value: &Bound<'_, PyAny>, kind: Kind) -> bool {
    let is_bool = value.is_instance_of::<PyBool>();
    match kind {
        Kind::Bool => is_bool,
        Kind::Int => !is_bool && value.is_instance_of::<PyInt>(),
        Kind::Float => {
            !is_bool && (value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>())
        }
        Kind::Str => value.is_instance_of::<PyString>(),
    }
}

/// `referenceDate` -> `reference_date`.
fn snake_case(camel: &str) -> String {
    let mut s = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            s.push('_');
            s.push(c.to_ascii_lowercase());
        } else {
            s.push(c);
        }
    }
    s
}

/// A core message with the option names in their Python spelling.
fn pythonic(py: Python<'_>, message: &str) -> PyResult<String> {
    let mut m = message.to_string();
    for o in option_names(py)? {
        if o.snake != o.camel {
            m = m.replace(o.camel.as_str(), &o.snake);
        }
    }
    Ok(m)
}

/// The options of snake_case keyword arguments on top of `base`; `None` means the default.
/// Unknown names and wrong types or values raise `InvalidOptionsError` naming the option.
pub(crate) fn options(
    py: Python<'_>,
    base: &Options,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Options> {
    let Some(kwargs) = kwargs.filter(|k| !k.is_empty()) else {
        return Ok(base.clone());
    };
    let names = option_names(py)?;
    let given = PyDict::new(py);
    for (key, value) in kwargs.iter() {
        let key: PyBackedStr = key.extract()?;
        let Some(name) = names.iter().find(|o| *o.snake == *key) else {
            let all: Vec<&str> = names.iter().map(|o| o.snake.as_str()).collect();
            return Err(error(
                py,
                "INVALID_OPTIONS",
                &format!(
                    "invalid options: unknown option {:?}; the options are {}",
                    &*key,
                    all.join(", ")
                ),
            ));
        };
        if value.is_none() {
            continue;
        }
        if !has_kind(&value, name.kind) {
            let expected = match name.kind {
                Kind::Bool => "a bool",
                Kind::Int => "an int",
                Kind::Float => "a float",
                Kind::Str => "a str",
            };
            return Err(error(
                py,
                "INVALID_OPTIONS",
                &format!(
                    "invalid options: {} must be {expected} or None, got {}",
                    name.snake,
                    type_name(&value)
                ),
            ));
        }
        given.set_item(&name.camel, value)?;
    }
    // Start from `base` (as the report would serialize it) and override what was given.
    let merged =
        pythonize::pythonize(py, base).map_err(|e| error(py, "INTERNAL", &e.to_string()))?;
    let merged = merged.cast::<PyDict>()?;
    merged.update(given.as_mapping())?;
    let opts: Options = match pythonize::depythonize(merged.as_any()) {
        Ok(o) => o,
        Err(e) => {
            // Name the option at fault: deserialize the given ones one at a time.
            for (key, value) in given.iter() {
                let one = PyDict::new(py);
                one.set_item(&key, value)?;
                if let Err(e) = pythonize::depythonize::<Options>(one.as_any()) {
                    let camel: String = key.extract()?;
                    return Err(error(
                        py,
                        "INVALID_OPTIONS",
                        &format!("invalid options: {}: {e}", snake_case(&camel)),
                    ));
                }
            }
            return Err(error(
                py,
                "INVALID_OPTIONS",
                &format!("invalid options: {e}"),
            ));
        }
    };
    opts.validate().map_err(|e| core_err(py, e))?;
    Ok(opts)
}

/// The options as a dict of snake_case names.
pub(crate) fn options_dict<'py>(py: Python<'py>, opts: &Options) -> PyResult<Bound<'py, PyDict>> {
    let camel =
        pythonize::pythonize(py, opts).map_err(|e| error(py, "INTERNAL", &e.to_string()))?;
    let camel = camel.cast::<PyDict>()?;
    let out = PyDict::new(py);
    for (k, v) in camel.iter() {
        let k: String = k.extract()?;
        out.set_item(snake_case(&k), v)?;
    }
    Ok(out)
}

/// The core's error as a `PyErr` (the exception class of its code).
pub(crate) fn core_err(py: Python<'_>, e: newsclean::Error) -> PyErr {
    failure_err(py, &Failure::Core(e))
}
