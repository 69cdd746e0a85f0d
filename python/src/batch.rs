//! `clean_many`: cleans an iterable of pages on worker threads with the GIL released and yields the
//! reports in input order.
//!
//! - **Bounded memory.** At most `2 × threads` pages are between the source and the caller at any
//!   time (queued, being cleaned, or done and waiting for an earlier one), however long the source.
//!   The source is read, and reports are converted, on the caller's thread (they need the GIL);
//!   workers clean in the meantime.
//! - **Threads per iterator, no global pool.** Each iterator starts its own workers on its first
//!   page and joins them when the source is exhausted. Nothing outlives it, so a process that
//!   forks afterwards (datatrove runs every extraction in a forked child, multiprocessing's
//!   default on Linux) starts clean: the child has no pool to find half-locked. An iterator used
//!   across a fork raises in the child instead of waiting for workers the child does not have,
//!   and is dropped there without touching the channels those workers may have held.
//! - **Pages go back to the caller.** Workers hand each page back with its report, so Python
//!   objects are only ever released on a thread that holds the GIL.

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex, TryLockError};
use std::thread::JoinHandle;

use newsclean::Article;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyIterator};

use crate::convert::{self, Failure, Page};

/// One page to clean.
struct Job {
    index: u64,
    page: Page,
    url: Option<String>,
    encoding: Option<String>,
}

/// A cleaned page, with the page itself handed back.
struct Done {
    index: u64,
    _page: Page,
    result: Result<Article, Failure>,
}

/// What the caller gets for one input, in order.
enum Outcome {
    Done(Box<Done>),
    /// The item itself was unusable (not a page): the error goes out in its place.
    Invalid(PyErr),
}

/// The workers of one iterator.
struct Workers {
    jobs: SyncSender<Job>,
    /// In a mutex only so that `&Workers` may cross `py.detach` (a `Receiver` is not `Sync`); only
    /// the thread holding the iterator's state ever locks it.
    results: Mutex<Receiver<Done>>,
    handles: Vec<JoinHandle<()>>,
}

struct State {
    source: Option<Py<PyIterator>>,
    workers: Option<Workers>,
    /// Index of the next item read from the source.
    next_in: u64,
    /// Index of the next report to yield.
    next_out: u64,
    /// Items read but not yet yielded, at most `window`.
    pending: BTreeMap<u64, Outcome>,
    /// Jobs sent to workers and not yet back.
    in_flight: usize,
}

/// The iterator `clean_many` returns.
#[pyclass(frozen, module = "newsclean")]
pub(crate) struct ReportIterator {
    cleaner: Arc<newsclean::Cleaner>,
    threads: usize,
    window: usize,
    return_exceptions: bool,
    /// The process that made it; a forked child must not use it.
    pid: u32,
    state: Mutex<State>,
}

/// How many threads when the caller gave none: what `newsclean._workers.default_threads()` says
/// this worker was given (`NEWSCLEAN_THREADS`, the CPUs Ray or Spark assigned to the task), else
/// the CPUs this process may use (affinity and cgroup quota: `available_parallelism`).
fn default_threads(py: Python<'_>) -> PyResult<usize> {
    static DEFAULT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let given: Option<usize> = DEFAULT
        .import(py, "newsclean._workers", "default_threads")?
        .call0()?
        .extract()?;
    Ok(given.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())))
}

impl ReportIterator {
    pub(crate) fn new(
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        cleaner: Arc<newsclean::Cleaner>,
        threads: Option<usize>,
        return_exceptions: bool,
    ) -> PyResult<Self> {
        let threads = match threads {
            Some(0) => {
                return Err(convert::error(
                    py,
                    "INVALID_OPTIONS",
                    "invalid options: threads must be at least 1",
                ))
            }
            Some(n) => n,
            None => default_threads(py)?.max(1),
        };
        let source = pages.try_iter().map_err(|_| {
            convert::error(
                py,
                "INVALID_ARGUMENT",
                "pages must be an iterable of str, bytes or dicts with a \"page\" key",
            )
        })?;
        Ok(ReportIterator {
            cleaner,
            threads,
            window: 2 * threads,
            return_exceptions,
            pid: std::process::id(),
            state: Mutex::new(State {
                source: Some(source.unbind()),
                workers: None,
                next_in: 0,
                next_out: 0,
                pending: BTreeMap::new(),
                in_flight: 0,
            }),
        })
    }

    /// The workers, started on first use.
    fn workers<'s>(&self, st: &'s mut State) -> PyResult<&'s Workers> {
        if st.workers.is_none() {
            let (jobs, job_rx) = sync_channel::<Job>(self.window);
            let job_rx = Arc::new(Mutex::new(job_rx));
            let (done_tx, results) = channel::<Done>();
            let mut handles = Vec::with_capacity(self.threads);
            for i in 0..self.threads {
                let rx = Arc::clone(&job_rx);
                let tx = done_tx.clone();
                let cleaner = Arc::clone(&self.cleaner);
                let h = std::thread::Builder::new()
                    .name(format!("newsclean-{i}"))
                    .spawn(move || work(&rx, &tx, &cleaner))
                    .map_err(|e| {
                        PyRuntimeError::new_err(format!("cannot start a worker thread: {e}"))
                    })?;
                handles.push(h);
            }
            st.workers = Some(Workers {
                jobs,
                results: Mutex::new(results),
                handles,
            });
        }
        match &st.workers {
            Some(w) => Ok(w),
            None => Err(PyRuntimeError::new_err("no workers")),
        }
    }

    /// Reads items from the source until the window is full or the source ends.
    fn fill(&self, py: Python<'_>, st: &mut State) -> PyResult<()> {
        while (st.next_in - st.next_out) < self.window as u64 {
            let Some(source) = st.source.as_ref().map(|s| s.clone_ref(py)) else {
                return Ok(());
            };
            let item = match source.bind(py).clone().next() {
                None => {
                    st.source = None;
                    return Ok(());
                }
                Some(item) => item?,
            };
            let index = st.next_in;
            st.next_in += 1;
            match job(&item, index) {
                Ok(job) => {
                    let w = self.workers(st)?;
                    // Never blocks: the channel holds `window` jobs and fewer are out.
                    if w.jobs.send(job).is_err() {
                        return Err(PyRuntimeError::new_err("newsclean workers stopped"));
                    }
                    st.in_flight += 1;
                }
                Err(e) => {
                    st.pending.insert(index, Outcome::Invalid(e));
                }
            }
        }
        Ok(())
    }

    /// Joins the workers once everything is back.
    fn finish(py: Python<'_>, st: &mut State) {
        if let Some(w) = st.workers.take() {
            let Workers {
                jobs,
                results,
                handles,
            } = w;
            drop(jobs);
            py.detach(move || {
                for h in handles {
                    let _ = h.join();
                }
                drop(results);
            });
        }
    }

    /// The next outcome as a report, an exception instance, or a raised error.
    fn deliver(&self, py: Python<'_>, outcome: Outcome) -> PyResult<Py<PyAny>> {
        match outcome {
            Outcome::Done(done) => match &done.result {
                Ok(article) => convert::report(py, article),
                Err(f) if self.return_exceptions => Ok(convert::failure_exception(py, f)?.unbind()),
                Err(f) => Err(convert::failure_err(py, f)),
            },
            Outcome::Invalid(e) if self.return_exceptions => Ok(e.into_value(py).into_any()),
            Outcome::Invalid(e) => Err(e),
        }
    }
}

/// A worker: cleans jobs until the channel closes or nobody waits for results.
fn work(jobs: &Mutex<Receiver<Job>>, done: &Sender<Done>, cleaner: &newsclean::Cleaner) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
            Err(_) => return,
        };
        let result = match &job.url {
            None => job.page.clean(cleaner, job.encoding.as_deref()),
            Some(url) => newsclean::Cleaner::new(newsclean::Options {
                url: Some(url.clone()),
                ..cleaner.options().clone()
            })
            .map_err(Failure::Core)
            .and_then(|c| job.page.clean(&c, job.encoding.as_deref())),
        };
        let out = Done {
            index: job.index,
            _page: job.page,
            result,
        };
        if done.send(out).is_err() {
            return;
        }
    }
}

/// An item of `pages`: a `str` or `bytes` page, or a dict `{"page": ..., "url": ..., "encoding": ...}`.
fn job(item: &Bound<'_, PyAny>, index: u64) -> PyResult<Job> {
    let py = item.py();
    if let Ok(d) = item.cast::<PyDict>() {
        let Some(page) = d.get_item("page")? else {
            return Err(convert::error(
                py,
                "INVALID_ARGUMENT",
                &format!("pages[{index}] is a dict without a \"page\" key"),
            ));
        };
        let text = |key: &str| -> PyResult<Option<String>> {
            match d.get_item(key)? {
                None => Ok(None),
                Some(v) if v.is_none() => Ok(None),
                Some(v) => match v.extract::<PyBackedStr>() {
                    Ok(s) => Ok(Some(s.to_string())),
                    Err(_) => Err(convert::error(
                        py,
                        "INVALID_ARGUMENT",
                        &format!("pages[{index}][{key:?}] must be a str or None"),
                    )),
                },
            }
        };
        return Ok(Job {
            index,
            page: Page::from_py(&page, &format!("pages[{index}][\"page\"]"))?,
            url: text("url")?,
            encoding: text("encoding")?,
        });
    }
    Ok(Job {
        index,
        page: Page::from_py(item, &format!("pages[{index}]"))?,
        url: None,
        encoding: None,
    })
}

#[pymethods]
impl ReportIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if std::process::id() != self.pid {
            return Err(PyRuntimeError::new_err(
                "this clean_many iterator was started before a fork(); call clean_many again in the child",
            ));
        }
        let mut st = match self.state.try_lock() {
            Ok(st) => st,
            Err(TryLockError::WouldBlock) => {
                return Err(PyValueError::new_err(
                    "clean_many iterator already executing",
                ))
            }
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
        };
        loop {
            self.fill(py, &mut st)?;
            let next = st.next_out;
            if let Some(outcome) = st.pending.remove(&next) {
                st.next_out += 1;
                return self.deliver(py, outcome).map(Some);
            }
            if st.in_flight == 0 {
                Self::finish(py, &mut st);
                return Ok(None);
            }
            let received = match &st.workers {
                Some(w) => {
                    let results = &w.results;
                    py.detach(|| match results.lock() {
                        Ok(rx) => rx.recv().ok(),
                        Err(_) => None,
                    })
                }
                None => None,
            };
            let Some(done) = received else {
                Self::finish(py, &mut st);
                return Err(PyRuntimeError::new_err("newsclean workers stopped"));
            };
            st.in_flight -= 1;
            st.pending.insert(done.index, Outcome::Done(Box::new(done)));
        }
    }

    /// How many threads clean the pages.
    #[getter]
    fn threads(&self) -> usize {
        self.threads
    }
}

impl Drop for ReportIterator {
    fn drop(&mut self) {
        if std::process::id() != self.pid {
            // In a forked child: the workers do not exist here and may have held the channels'
            // locks at the fork. Leak them rather than touch them.
            if let Ok(st) = self.state.get_mut() {
                if let Some(w) = st.workers.take() {
                    std::mem::forget(w);
                }
            }
        }
        // In the parent, dropping the channels stops the workers: they finish the page in hand,
        // find nobody waiting and exit.
    }
}
