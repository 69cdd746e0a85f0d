//! A small JSON reader for JSON-LD blocks (RFC 8259): enough to walk `@graph`s, follow `@id`
//! references and read the few schema.org fields metadata needs. Malformed text yields what was
//! read up to the fault (never a panic); nesting past [`MAX_DEPTH`] is cut, and the work is linear
//! in the input.

/// A JSON value. Numbers are kept as their text (nothing here computes with them).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Deeper nesting than this is read as `null` (JSON-LD needs a handful of levels).
const MAX_DEPTH: usize = 64;

impl Json {
    /// Parses `text`; `None` when it does not start with a JSON value. Trailing text is ignored
    /// (some pages put two objects or a stray `;` in one script).
    pub fn parse(text: &str) -> Option<Json> {
        let mut p = Parser {
            b: text.as_bytes(),
            s: text,
            i: 0,
        };
        p.value(0)
    }

    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// This value as a list: the items of an array, or the value itself.
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(v) => v,
            other => std::slice::from_ref(other),
        }
    }

    /// Every object in this value, itself first, then depth first (nested objects and array
    /// items), up to `limit` of them.
    pub fn objects(&self, limit: usize) -> Vec<&Json> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(v) = stack.pop() {
            match v {
                Json::Obj(kv) => {
                    out.push(v);
                    if out.len() >= limit {
                        break;
                    }
                    stack.extend(kv.iter().rev().map(|(_, v)| v));
                }
                Json::Arr(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
        out
    }
}

struct Parser<'a> {
    b: &'a [u8],
    s: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.ws();
        let c = *self.b.get(self.i)?;
        if depth >= MAX_DEPTH && (c == b'[' || c == b'{') {
            self.skip_nested();
            return Some(Json::Null);
        }
        match c {
            b'{' => {
                self.i += 1;
                let mut kv = Vec::new();
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'}') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => self.i += 1,
                        Some(b'"') => {
                            let k = self.string()?;
                            self.ws();
                            if self.b.get(self.i) != Some(&b':') {
                                return Some(Json::Obj(kv));
                            }
                            self.i += 1;
                            match self.value(depth + 1) {
                                Some(v) => kv.push((k, v)),
                                None => return Some(Json::Obj(kv)),
                            }
                        }
                        _ => return Some(Json::Obj(kv)),
                    }
                }
                Some(Json::Obj(kv))
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b']') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => self.i += 1,
                        Some(_) => match self.value(depth + 1) {
                            Some(v) => items.push(v),
                            None => return Some(Json::Arr(items)),
                        },
                        None => return Some(Json::Arr(items)),
                    }
                }
                Some(Json::Arr(items))
            }
            b'"' => self.string().map(Json::Str),
            b't' | b'f' | b'n' => {
                let word = |w: &[u8]| self.b.get(self.i..self.i + w.len()) == Some(w);
                let (v, n) = if word(b"true") {
                    (Json::Bool(true), 4)
                } else if word(b"false") {
                    (Json::Bool(false), 5)
                } else if word(b"null") {
                    (Json::Null, 4)
                } else {
                    return None;
                };
                self.i += n;
                Some(v)
            }
            b'-' | b'0'..=b'9' => {
                let st = self.i;
                while self
                    .b
                    .get(self.i)
                    .is_some_and(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                {
                    self.i += 1;
                }
                Some(Json::Num(self.s.get(st..self.i).unwrap_or("").to_string()))
            }
            _ => None,
        }
    }

    /// Skips a bracketed value too deep to keep, strings respected.
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(&c) = self.b.get(self.i) {
            match c {
                b'"' => {
                    let _ = self.string();
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.i += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
    }

    /// A string at `self.i` (a `"`), unescaped; `None` when it does not end.
    fn string(&mut self) -> Option<String> {
        let start = self.i + 1;
        let mut i = start;
        let mut plain = true;
        loop {
            match self.b.get(i)? {
                b'\\' => {
                    plain = false;
                    i += 2;
                }
                b'"' => break,
                _ => i += 1,
            }
        }
        let raw = self.s.get(start..i)?;
        self.i = i + 1;
        Some(if plain {
            raw.to_string()
        } else {
            unescape(raw)
        })
    }
}

/// Undoes JSON string escapes (`\"`, `\\`, `\/`, `\n`, `\uXXXX` with surrogate pairs).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    let hex4 = |chars: &mut std::str::Chars<'_>| -> Option<u32> {
        let h: String = chars.by_ref().take(4).collect();
        u32::from_str_radix(&h, 16).ok()
    };
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let Some(hi) = hex4(&mut chars) else { continue };
                let cp = if (0xD800..0xDC00).contains(&hi) {
                    let mut look = chars.clone();
                    match (look.next(), look.next()) {
                        (Some('\\'), Some('u')) => match hex4(&mut look) {
                            Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                chars = look;
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            }
                            _ => hi,
                        },
                        _ => hi,
                    }
                } else {
                    hi
                };
                out.extend(char::from_u32(cp));
            }
            Some('n' | 't' | 'r') => out.push(' '),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_values_and_escapes() {
        let j = Json::parse(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"y\u00e9\ud83d\ude00", "c": {}} ;"#,
        )
        .unwrap_or(Json::Null);
        assert_eq!(j.get("b").and_then(Json::as_str), Some("x\"yé😀"));
        assert_eq!(
            j.get("a").map(Json::items).map(<[Json]>::len),
            Some(5),
            "{j:?}"
        );
        assert_eq!(j.get("c"), Some(&Json::Obj(Vec::new())));
    }

    #[test]
    fn malformed_and_deep_input_never_panics() {
        for s in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "\"abc",
            "[1,",
            "{\"a\" 1}",
            "}",
            "\\u",
        ] {
            let _ = Json::parse(s);
        }
        let deep = "[".repeat(100_000);
        assert!(matches!(Json::parse(&deep), Some(Json::Arr(_))));
        let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
        assert!(Json::parse(&deep).is_some());
    }

    #[test]
    fn objects_are_listed_depth_first() {
        let j = Json::parse(r#"{"@graph":[{"n":1},{"n":2,"k":{"n":3}}]}"#).unwrap_or(Json::Null);
        let ns: Vec<_> = j
            .objects(10)
            .iter()
            .filter_map(|o| o.get("n").cloned())
            .collect();
        assert_eq!(
            ns,
            [
                Json::Num("1".into()),
                Json::Num("2".into()),
                Json::Num("3".into())
            ]
        );
    }
}
