//! The Python binding of newsclean, the extension module `newsclean._newsclean`: the one crate
//! that knows about Python. It only converts — snake_case keyword arguments to
//! [`newsclean::Options`], pages (`str` or `bytes`) to Rust, reports to the dicts of their JSON
//! form, errors to exception classes with the stable codes of the CLI and JavaScript — and runs
//! pages with the GIL released, on threads of its own for `clean_many` (see [`batch`]). The
//! pipeline is the core crate's; the pure-Python package beside this crate (`newsclean/`) holds
//! the stubs, the error classes and the adapters (Spark, Ray, datatrove, WARC).

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyDict, PyTuple};

mod batch;
mod convert;

/// The core allocates many small strings and vectors per page; mimalloc serves them faster than
/// the system allocator (Python's own objects still use Python's allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use convert::Page;

/// Cleans one page with the GIL released and converts the report.
fn clean_page(
    py: Python<'_>,
    cleaner: &newsclean::Cleaner,
    page: &Bound<'_, PyAny>,
    encoding: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let page = Page::from_py(page, "page")?;
    let result = py.detach(|| page.clean(cleaner, encoding));
    match result {
        Ok(article) => convert::report(py, &article),
        Err(f) => Err(convert::failure_err(py, &f)),
    }
}

/// A core cleaner for the options, or the exception of its error.
fn core_cleaner(py: Python<'_>, options: newsclean::Options) -> PyResult<newsclean::Cleaner> {
    newsclean::Cleaner::new(options).map_err(|e| convert::core_err(py, e))
}

/// `clean(page, *, encoding=None, **options)`: see `newsclean/_newsclean.pyi`.
#[pyfunction]
#[pyo3(signature = (page, *, encoding = None, **options))]
fn clean(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    encoding: Option<&str>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let opts = convert::options(py, &newsclean::Options::default(), options)?;
    clean_page(py, &core_cleaner(py, opts)?, page, encoding)
}

/// `clean_many(pages, *, threads=None, return_exceptions=False, **options)`.
#[pyfunction]
#[pyo3(signature = (pages, *, threads = None, return_exceptions = false, **options))]
fn clean_many(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    threads: Option<usize>,
    return_exceptions: bool,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<batch::ReportIterator> {
    let opts = convert::options(py, &newsclean::Options::default(), options)?;
    let cleaner = Arc::new(core_cleaner(py, opts)?);
    batch::ReportIterator::new(py, pages, cleaner, threads, return_exceptions)
}

/// `decode(data, encoding=None) -> (text, encoding used)`, as `clean` decodes bytes.
#[pyfunction]
#[pyo3(signature = (data, encoding = None))]
fn decode(py: Python<'_>, data: PyBackedBytes, encoding: Option<&str>) -> (String, &'static str) {
    py.detach(|| {
        let (text, used) = newsclean::decode_with_charset(&data, encoding);
        (text.into_owned(), used)
    })
}

/// `Cleaner(**options)`: options checked once, reused for every page.
#[pyclass(frozen, module = "newsclean")]
struct Cleaner {
    inner: Arc<newsclean::Cleaner>,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let opts = convert::options(py, &newsclean::Options::default(), options)?;
        Ok(Cleaner {
            inner: Arc::new(core_cleaner(py, opts)?),
        })
    }

    /// Cleans one page; `url` overrides the option for this page.
    #[pyo3(signature = (page, *, url = None, encoding = None))]
    fn clean(
        &self,
        py: Python<'_>,
        page: &Bound<'_, PyAny>,
        url: Option<String>,
        encoding: Option<&str>,
    ) -> PyResult<Py<PyAny>> {
        match url {
            None => clean_page(py, &self.inner, page, encoding),
            Some(u) => {
                let opts = newsclean::Options {
                    url: Some(u),
                    ..self.inner.options().clone()
                };
                clean_page(py, &core_cleaner(py, opts)?, page, encoding)
            }
        }
    }

    /// Cleans many pages on threads: see `clean_many`.
    #[pyo3(signature = (pages, *, threads = None, return_exceptions = false))]
    fn clean_many(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        threads: Option<usize>,
        return_exceptions: bool,
    ) -> PyResult<batch::ReportIterator> {
        batch::ReportIterator::new(
            py,
            pages,
            Arc::clone(&self.inner),
            threads,
            return_exceptions,
        )
    }

    /// The options in use, as snake_case keyword arguments.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        convert::options_dict(py, self.inner.options())
    }

    /// Pickling (Spark and Ray ship closures to workers): a cleaner is its options.
    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((
            PyTuple::empty(py),
            convert::options_dict(py, self.inner.options())?,
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let given = convert::options_dict(py, self.inner.options())?;
        let defaults = convert::options_dict(py, &newsclean::Options::default())?;
        let mut parts = Vec::new();
        for (k, v) in given.iter() {
            let same = match defaults.get_item(&k)? {
                Some(d) => d.eq(&v)?,
                None => false,
            };
            if !same {
                parts.push(format!("{}={}", k.str()?, v.repr()?));
            }
        }
        Ok(format!("Cleaner({})", parts.join(", ")))
    }
}

/// The module `newsclean._newsclean`.
#[pymodule]
fn _newsclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<batch::ReportIterator>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", newsclean::SCHEMA_VERSION)?;
    Ok(())
}
