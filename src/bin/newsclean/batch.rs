//! `newsclean --jsonl`: one JSON object per line in, one result per line out, in input order,
//! on every core. Memory is bounded: the reader hands lines to the workers through a bounded
//! channel, so at most a few pages per worker are in flight, and results waiting for an earlier
//! line are bounded by the same count.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

use newsclean::{Cleaner, Format, Options};
use serde_json::{json, Value};

/// Cleans one input line into one output line.
fn process(line: &str, base: &Options) -> String {
    let fail = |id: &Value, code: &str, msg: String| {
        json!({"id": id, "error": {"code": code, "message": msg}}).to_string()
    };
    let v: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return fail(&Value::Null, "BAD_LINE", format!("not a JSON object: {e}")),
    };
    let id = v.get("id").cloned().unwrap_or(Value::Null);
    let (input, format) = match (v.get("html"), v.get("text")) {
        (Some(Value::String(h)), _) => (h.as_str(), Format::Html),
        (None, Some(Value::String(t))) => (t.as_str(), Format::Text),
        _ => {
            return fail(
                &id,
                "BAD_LINE",
                "each line needs an \"html\" or a \"text\" string".into(),
            )
        }
    };
    let mut opts = base.clone();
    if base.format == Format::Auto {
        opts.format = format;
    }
    if let Some(Value::String(u)) = v.get("url") {
        opts.url = Some(u.clone());
    }
    match Cleaner::new(opts).and_then(|c| c.clean(input)) {
        Ok(a) => json!({"id": id, "article": a}).to_string(),
        Err(e) => fail(&id, e.code(), e.to_string()),
    }
}

/// Runs the batch over `file` (or standard input).
pub fn run(file: Option<&str>, options: Options) -> Result<(), String> {
    Cleaner::new(options.clone()).map_err(|e| e.to_string())?;
    let input: Box<dyn Read + Send> = match file {
        Some(f) => Box::new(std::fs::File::open(f).map_err(|e| format!("cannot read {f}: {e}"))?),
        None => Box::new(std::io::stdin()),
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let (work_tx, work_rx) = sync_channel::<(u64, String)>(2 * workers);
    let work_rx: Arc<Mutex<Receiver<(u64, String)>>> = Arc::new(Mutex::new(work_rx));
    let (res_tx, res_rx) = sync_channel::<(u64, String)>(2 * workers);
    let reader = std::thread::spawn(move || -> Result<(), String> {
        let mut r = BufReader::new(input);
        let mut line = String::new();
        let mut i = 0u64;
        loop {
            line.clear();
            let n = r
                .read_line(&mut line)
                .map_err(|e| format!("cannot read line {}: {e}", i + 1))?;
            if n == 0 {
                return Ok(());
            }
            if line.trim().is_empty() {
                continue;
            }
            if work_tx.send((i, std::mem::take(&mut line))).is_err() {
                return Ok(());
            }
            i += 1;
        }
    });
    let mut handles = Vec::new();
    for _ in 0..workers {
        let rx = Arc::clone(&work_rx);
        let tx = res_tx.clone();
        let opts = options.clone();
        handles.push(std::thread::spawn(move || loop {
            let job = match rx.lock() {
                Ok(guard) => guard.recv(),
                Err(_) => return,
            };
            let Ok((i, line)) = job else { return };
            if tx.send((i, process(&line, &opts))).is_err() {
                return;
            }
        }));
    }
    drop(res_tx);
    let mut out = std::io::stdout().lock();
    let mut pending: BTreeMap<u64, String> = BTreeMap::new();
    let mut next = 0u64;
    let mut write_err = None;
    for (i, s) in res_rx {
        pending.insert(i, s);
        while let Some(s) = pending.remove(&next) {
            if write_err.is_none() {
                if let Err(e) = writeln!(out, "{s}") {
                    write_err = Some(e);
                }
            }
            next += 1;
        }
        if write_err.is_some() {
            break;
        }
    }
    let _ = out.flush();
    drop(out);
    if let Some(e) = write_err {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        return Err(format!("cannot write: {e}"));
    }
    for h in handles {
        let _ = h.join();
    }
    match reader.join() {
        Ok(r) => r,
        Err(_) => Err("the reader thread failed".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let o = Options {
            facts: false,
            ..Options::default()
        };
        let v: Value =
            serde_json::from_str(&process(r#"{"id": 7, "text": "Hello."}"#, &o)).unwrap();
        assert_eq!(v["id"], 7);
        assert!(v["article"].is_object());
        let v: Value = serde_json::from_str(&process("{nope", &o)).unwrap();
        assert_eq!(v["error"]["code"], "BAD_LINE");
        let v: Value = serde_json::from_str(&process(r#"{"id": "a"}"#, &o)).unwrap();
        assert_eq!(
            (v["id"].as_str(), v["error"]["code"].as_str()),
            (Some("a"), Some("BAD_LINE"))
        );
        let v: Value = serde_json::from_str(&process(
            r#"{"id": 1, "html": "<p>x</p>", "url": "https://a.example/x"}"#,
            &o,
        ))
        .unwrap();
        assert_eq!(v["article"]["url"], "https://a.example/x");
    }
}
