//! Our own HTML tokenizer, feeding html5ever's tree builder. html5ever's tokenizer takes every
//! character of tag and attribute names through its state machine one at a time (half of the
//! parse on a typical news page); this one finds the delimiters with byte searches and hands the
//! tree builder the same tokens, so the tree is the one html5ever builds (a differential test
//! compares the two on generated pages).
//!
//! It follows the tokenization chapter of the HTML Standard (§13.2.5): data, RCDATA, RAWTEXT,
//! script data (with its escape states, `markup::script_end`) and PLAINTEXT; tags, attributes,
//! comments, bogus comments, CDATA sections in foreign content, character references (§13.2.5.72
//! onwards, with html5ever's table of named references), DOCTYPEs (§13.2.5.53–68: their name and
//! identifiers set the quirks mode) and NUL characters as each state treats them. The tree builder
//! switches the states, as the standard says. html5ever's tokenizer is not linked into the build
//! (it is what the tests compare with).
//!
//! Lines: text tokens carry the lines html5ever's tokenizer reports (see `Tok::begin_text`), so
//! text nodes get the same line numbers, which the span locator relies on.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{ns, Attribute, LocalName, QualName};

use super::markup::{
    after_gt, ascii_lower, comment_end, count_byte, find_ci, find_end_tag, flat, is_space,
    kept_attribute, scan_tag, script_end, MAX_DEPTH,
};

/// Tokenizes `input` into `sink`, a tree builder, and ends it. With `trim`, what the walk never
/// reads is left out on the way, without changing the rest of the tree: attributes other than
/// `markup::kept_attribute`, the text of `<script>` (but JSON), `<style>`, `<noscript>`,
/// `<iframe>`, `<noembed>`, `<noframes>` and `<textarea>`, and start tags nested deeper than
/// `MAX_DEPTH` (with their end tags).
pub(crate) fn tokenize<T: TokenSink>(input: &str, sink: &T, trim: bool) {
    // Preprocessing the input stream (§13.2.3.5): CR LF and lone CR become LF. A leading byte order
    // mark is dropped, as html5ever does.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // Where line breaks that were CRs are: html5ever's tokenizer ends a piece of text there.
    let mut crs = Vec::new();
    let input: Cow<str> = if memchr::memchr(b'\r', input.as_bytes()).is_some() {
        let mut out = String::with_capacity(input.len());
        let mut rest = input;
        while let Some(p) = memchr::memchr(b'\r', rest.as_bytes()) {
            out.push_str(rest.get(..p).unwrap_or_default());
            crs.push(out.len());
            out.push('\n');
            rest = rest.get(p + 1..).unwrap_or_default();
            rest = rest.strip_prefix('\n').unwrap_or(rest);
        }
        out.push_str(rest);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(input)
    };
    let mut t = Tok {
        s: &input,
        b: input.as_bytes(),
        pos: 0,
        line: 1,
        sink,
        state: State::Data,
        last_start: None,
        text: String::new(),
        first_line: 1,
        second_line: 1,
        text_line: 1,
        crs: &crs,
        trim,
        cut_body: false,
        depth: 0,
        dropped: 0,
    };
    while t.pos < t.b.len() {
        match t.state {
            State::Data => t.data(),
            State::Plaintext => t.text_to(t.b.len()),
            State::Rcdata | State::Rawtext | State::Script => t.raw(),
        }
    }
    t.flush_text();
    let _ = sink.process_token(Token::EOFToken, t.line);
    sink.end();
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Data,
    Rcdata,
    Rawtext,
    Script,
    Plaintext,
}

struct Tok<'a, T: TokenSink> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    /// The line (1-based) at `pos`.
    line: u64,
    sink: &'a T,
    state: State,
    /// The name of the last start tag (for the end of RCDATA, RAWTEXT and script data).
    last_start: Option<LocalName>,
    /// Text not yet handed over, and the lines html5ever gives its first piece, its second and
    /// the one with its first non-whitespace character (see `begin_text`).
    text: String,
    first_line: u64,
    second_line: u64,
    text_line: u64,
    /// Positions of line breaks that were CRs in the source.
    crs: &'a [usize],
    /// Leave out what the walk never reads (see `tokenize`).
    trim: bool,
    /// The raw text that follows is left out.
    cut_body: bool,
    /// Open elements that count towards `MAX_DEPTH`, and start tags dropped past it whose end
    /// tags are still to come.
    depth: usize,
    dropped: usize,
}

impl<T: TokenSink> Tok<'_, T> {
    fn slice(&self, from: usize, to: usize) -> &str {
        self.s.get(from..to).unwrap_or_default()
    }

    /// Moves to `to`, counting lines.
    fn advance(&mut self, to: usize) {
        let to = to.min(self.b.len());
        if to > self.pos {
            self.line += count_byte(self.b.get(self.pos..to).unwrap_or_default(), b'\n') as u64;
            self.pos = to;
        }
    }

    /// Takes the source from the current position to `to` as text.
    fn text_to(&mut self, to: usize) {
        let to = to.min(self.b.len());
        if to <= self.pos {
            return;
        }
        if self.text.is_empty() {
            self.begin_text(self.state);
        }
        let s = self.s;
        push_without_nul(&mut self.text, s.get(self.pos..to).unwrap_or_default());
        self.advance(to);
    }

    fn push_text(&mut self, chars: &[char]) {
        if self.text.is_empty() {
            self.begin_text(self.state);
        }
        self.text.extend(chars);
    }

    /// Notes the lines html5ever's tokenizer gives the text starting here. It hands text over in
    /// pieces, each with the line it is at when the piece ends: a line break is a piece of its own,
    /// and so is the character after a CR, a `<` or a character reference; in the data state (on
    /// x86 and ARM, where it scans 16 bytes at a time) other pieces run to the next `<`, `&` or CR,
    /// elsewhere to the next line break. The text node takes the line of the piece that creates it:
    /// the first, the second when the tree builder drops a first line break (after `<pre>`), or the
    /// one with the first non-whitespace character when it puts whitespace elsewhere.
    fn begin_text(&mut self, state: State) {
        let data = state == State::Data;
        let b = self.b;
        let mut i = self.pos;
        let mut line = self.line;
        let mut after_cr = false;
        // A literal `<` is handed over after the character that follows it was read.
        let mut counted = false;
        let mut pieces = 0;
        self.text_line = loop {
            let Some(&c) = b.get(i) else { break line };
            let end = if c == b'\n' {
                if !std::mem::take(&mut counted) {
                    line += 1;
                }
                after_cr = self.crs.binary_search(&i).is_ok();
                i + 1
            } else if c == b'<' && state != State::Plaintext {
                // In RCDATA, RAWTEXT and script data, `</` and letters are read before the
                // tokenizer knows they are text.
                let mut j = i + 1;
                if !data && b.get(j) == Some(&b'/') {
                    j += 1;
                    while b.get(j).is_some_and(u8::is_ascii_alphabetic) {
                        j += 1;
                    }
                }
                after_cr = false;
                if b.get(j) == Some(&b'\n') {
                    line += 1;
                    counted = true;
                }
                j
            } else if after_cr || c == b'&' {
                after_cr = false;
                i + self
                    .s
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8)
            } else {
                let rest = b.get(i..).unwrap_or_default();
                let stop = match state {
                    State::Data => memchr::memchr3(b'<', b'&', 0, rest),
                    State::Plaintext => memchr::memchr(b'\n', rest),
                    _ => memchr::memchr3(b'\n', b'<', b'&', rest),
                };
                let mut end = i + stop.unwrap_or(rest.len());
                if let Some(&cr) = self.crs.get(self.crs.partition_point(|&x| x < i)) {
                    end = end.min(cr);
                }
                line += count_byte(b.get(i..end).unwrap_or_default(), b'\n') as u64;
                end.max(i + 1)
            };
            match pieces {
                0 => (self.first_line, self.second_line) = (line, line),
                1 => self.second_line = line,
                _ => {}
            }
            pieces += 1;
            if b.get(i..end)
                .unwrap_or_default()
                .iter()
                .any(|&c| !is_space(c))
            {
                break line;
            }
            i = end;
        };
    }

    /// Hands pending text to the tree builder, in up to three tokens so that the tree builder
    /// creates text nodes with the lines html5ever's tokenizer gives them (see `begin_text`): a
    /// first line break, the rest of the leading whitespace, and the rest.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = &self.text;
        // (No CR is left in the input, so `is_space` is the tree builder's whitespace.)
        let ws = text.bytes().take_while(|&c| is_space(c)).count();
        let lf = usize::from(text.starts_with('\n'));
        let second = if lf > 0 {
            self.second_line
        } else {
            self.first_line
        };
        let cuts = [
            (lf, self.first_line),
            (ws, second),
            (text.len(), self.text_line),
        ];
        // Pieces with the same line go as one token (the tree builder gives their text the same
        // line either way).
        let mut tokens = [(0usize, 0usize, 0u64); 3];
        let mut n = 0usize;
        let mut from = 0;
        for (to, line) in cuts {
            if to <= from {
                continue;
            }
            match n.checked_sub(1).and_then(|last| tokens.get_mut(last)) {
                Some(last) if last.2 == line => last.1 = to,
                _ => {
                    if let Some(t) = tokens.get_mut(n) {
                        *t = (from, to, line);
                        n += 1;
                    }
                }
            }
            from = to;
        }
        for &(from, to, line) in tokens.get(..n).unwrap_or_default() {
            let piece = StrTendril::from_slice(text.get(from..to).unwrap_or_default());
            let _ = self.sink.process_token(Token::CharacterTokens(piece), line);
        }
        // The buffer is kept for the next text.
        self.text.clear();
    }

    /// Hands a token (after pending text) to the tree builder, at the current line.
    fn emit(&mut self, token: Token) -> TokenSinkResult<T::Handle> {
        self.flush_text();
        self.sink.process_token(token, self.line)
    }

    /// The data state (§13.2.5.1): text up to the next `<` or `&`.
    fn data(&mut self) {
        let Some(p) = memchr::memchr3(b'<', b'&', 0, self.b.get(self.pos..).unwrap_or_default())
        else {
            self.text_to(self.b.len());
            return;
        };
        let at = self.pos + p;
        self.text_to(at);
        if self.b.get(at) == Some(&0) {
            // A NUL is a token of its own, which the tree builder mostly drops.
            self.flush_text();
            let _ = self
                .sink
                .process_token(Token::NullCharacterToken, self.line);
            self.advance(at + 1);
        } else if self.b.get(at) == Some(&b'&') {
            match char_ref(self.s, at, false) {
                Some((chars, n, end)) => {
                    self.push_text(chars.get(..n).unwrap_or_default());
                    self.advance(end);
                }
                None => self.text_to(at + 1),
            }
        } else {
            self.markup(at);
        }
    }

    /// RCDATA, RAWTEXT and script data (§13.2.5.2–4): text up to the appropriate end tag, which
    /// the data state then reads as an end tag.
    fn raw(&mut self) {
        let end = match (&self.last_start, self.state) {
            (_, State::Script) => script_end(self.s, self.pos),
            (Some(name), _) => find_end_tag(self.s, self.pos, name.as_bytes()),
            (None, _) => None,
        }
        .unwrap_or(self.b.len());
        if std::mem::take(&mut self.cut_body) {
            self.flush_text();
            self.advance(end);
            self.state = State::Data;
            return;
        }
        if self.state == State::Rcdata && end > self.pos {
            if self.text.is_empty() {
                self.begin_text(self.state);
            }
            push_decoded(&mut self.text, self.s, self.pos, end, false);
            self.advance(end);
        }
        self.text_to(end);
        self.state = State::Data;
    }

    /// After a `<` in the data state (§13.2.5.6–8).
    fn markup(&mut self, lt: usize) {
        let b = self.b;
        match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 1, TagKind::StartTag),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 2, TagKind::EndTag),
                // `</>` is dropped (the text before it ends: what follows is read afresh).
                Some(b'>') => {
                    self.flush_text();
                    self.advance(lt + 3);
                }
                None => self.text_to(b.len()),
                Some(_) => self.bogus_comment(lt + 2),
            },
            Some(b'!') => self.declaration(lt),
            Some(b'?') => self.bogus_comment(lt + 1),
            _ => self.text_to(lt + 1),
        }
    }

    /// A bogus comment (§13.2.5.41) from `from` to the next `>`.
    fn bogus_comment(&mut self, from: usize) {
        self.advance(after_gt(self.s, from));
        let _ = self.emit(Token::CommentToken(StrTendril::new()));
    }

    /// `<!`: a comment, a DOCTYPE, a CDATA section or a bogus comment (§13.2.5.42).
    fn declaration(&mut self, lt: usize) {
        let rest = self.b.get(lt + 2..).unwrap_or_default();
        if rest.starts_with(b"--") {
            self.advance(comment_end(self.b, lt));
            let _ = self.emit(Token::CommentToken(StrTendril::new()));
        } else if rest
            .get(..7)
            .is_some_and(|d| d.eq_ignore_ascii_case(b"doctype"))
        {
            let end = after_gt(self.s, lt + 2);
            let doctype = doctype(self.slice(lt, end));
            self.advance(end);
            let _ = self.emit(Token::DoctypeToken(doctype));
        } else if rest.starts_with(b"[CDATA[") && {
            // Whether the section is one depends on the tree so far, text included.
            self.flush_text();
            self.sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        } {
            let start = lt + 9;
            let (end, after) =
                match memchr::memmem::find(self.b.get(start..).unwrap_or_default(), b"]]>") {
                    Some(p) => (start + p, start + p + 3),
                    None => (self.b.len(), self.b.len()),
                };
            // One token at the section's end, as html5ever hands it over (even when empty); a NUL
            // ends a piece and is a token of its own.
            let mut from = start;
            while let Some(p) = memchr::memchr(0, self.b.get(from..end).unwrap_or_default()) {
                let piece = StrTendril::from_slice(self.slice(from, from + p));
                self.advance(from + p + 1);
                let _ = self
                    .sink
                    .process_token(Token::CharacterTokens(piece), self.line);
                let _ = self
                    .sink
                    .process_token(Token::NullCharacterToken, self.line);
                from += p + 1;
            }
            let text = StrTendril::from_slice(self.slice(from, end));
            self.advance(after);
            let _ = self
                .sink
                .process_token(Token::CharacterTokens(text), self.line);
        } else {
            self.bogus_comment(lt + 2);
        }
    }

    /// A start or end tag whose name starts at `from` (§13.2.5.8–13, 32–40). A page that ends
    /// inside a tag ends there (the tag is dropped).
    fn tag(&mut self, from: usize, kind: TagKind) {
        let b = self.b;
        let len = b.len();
        let name_end = from
            + b.get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&c| !is_space(c) && c != b'/' && c != b'>')
                .count();
        let name = lower_name(self.slice(from, name_end));
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut duplicates = false;
        let trim = self.trim;
        let scanned = scan_tag(self.s, name_end, |a| {
            let mut buf = [0u8; 12];
            if trim
                && !kept_attribute(ascii_lower(
                    b.get(a.start..a.name_end).unwrap_or_default(),
                    &mut buf,
                ))
            {
                return;
            }
            let attr = lower_name(self.slice(a.start, a.name_end));
            if attrs.iter().any(|x| x.name.local == attr) {
                duplicates = true;
                return;
            }
            // The value: after `=` and spaces, without its quotes.
            let skip = |mut v: usize| {
                while v < a.end && b.get(v).is_some_and(|&c| is_space(c)) {
                    v += 1;
                }
                v
            };
            let mut v = skip(a.name_end);
            if v < a.end && b.get(v) == Some(&b'=') {
                v = skip(v + 1);
            }
            let quoted = matches!(b.get(v), Some(b'"' | b'\'')) && v < a.end;
            let value = if quoted {
                self.attr_value(v + 1, a.end - 1)
            } else {
                self.attr_value(v, a.end)
            };
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), attr),
                value,
            });
        });
        let Some((gt, self_closing)) = scanned else {
            return self.advance(len);
        };
        self.advance(gt + 1);
        self.cut_body = false;
        if self.trim {
            let lower = name.as_bytes();
            // Elements that nest count towards the cap (raw-text ones hold no tags).
            if !flat(lower)
                && !matches!(
                    lower,
                    b"script"
                        | b"style"
                        | b"title"
                        | b"textarea"
                        | b"xmp"
                        | b"iframe"
                        | b"noembed"
                        | b"noframes"
                        | b"noscript"
                        | b"plaintext"
                )
                && !self_closing
            {
                if kind == TagKind::EndTag {
                    if self.dropped > 0 {
                        self.dropped -= 1;
                        return;
                    }
                    self.depth = self.depth.saturating_sub(1);
                } else if self.depth >= MAX_DEPTH {
                    self.dropped += 1;
                    return;
                } else {
                    self.depth += 1;
                }
            }
            self.cut_body = kind == TagKind::StartTag
                && match lower {
                    b"script" => find_ci(b.get(from..gt).unwrap_or_default(), b"json").is_none(),
                    b"style" | b"noscript" | b"iframe" | b"noembed" | b"noframes" | b"textarea" => {
                        true
                    }
                    _ => false,
                };
        }
        if kind == TagKind::StartTag {
            self.last_start = Some(name.clone());
        }
        let tag = Tag {
            kind,
            name,
            self_closing,
            attrs,
            had_duplicate_attributes: duplicates,
        };
        self.state = match self.emit(Token::TagToken(tag)) {
            TokenSinkResult::RawData(RawKind::Rcdata) => State::Rcdata,
            TokenSinkResult::RawData(RawKind::Rawtext) => State::Rawtext,
            TokenSinkResult::RawData(_) => State::Script,
            TokenSinkResult::Plaintext => State::Plaintext,
            TokenSinkResult::Continue => State::Data,
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => {
                // html5ever's driver feeds the tokenizer again after these, and it drops a byte
                // order mark at the start of what it is fed.
                if self
                    .s
                    .get(self.pos..)
                    .is_some_and(|r| r.starts_with('\u{feff}'))
                {
                    self.pos += '\u{feff}'.len_utf8();
                }
                State::Data
            }
        };
    }

    /// An attribute value with its character references decoded.
    fn attr_value(&self, from: usize, to: usize) -> StrTendril {
        let raw = self.slice(from, to);
        if memchr::memchr2(b'&', 0, raw.as_bytes()).is_none() {
            return StrTendril::from_slice(raw);
        }
        let mut out = String::with_capacity(raw.len());
        push_decoded(&mut out, self.s, from, to, true);
        StrTendril::from(out)
    }
}

/// `s` with its character references decoded as in text (`&amp;` → `&`, `&#8211;` → `–`): for
/// strings that reach us still escaped, as in JSON-LD inside a `<script>`.
pub(crate) fn decode_char_refs(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    push_decoded(&mut out, s, 0, s.len(), false);
    Cow::Owned(out)
}

/// Appends `s[from..to]` to `out` with its character references decoded (those that end by `to`;
/// `in_attribute` as for `char_ref`) and NULs replaced.
fn push_decoded(out: &mut String, s: &str, from: usize, to: usize, in_attribute: bool) {
    let mut i = from;
    while let Some(p) = memchr::memchr(b'&', s.as_bytes().get(i..to).unwrap_or_default()) {
        let at = i + p;
        push_without_nul(out, s.get(i..at).unwrap_or_default());
        match char_ref(s, at, in_attribute) {
            Some((chars, n, end)) if end <= to => {
                out.extend(chars.get(..n).unwrap_or_default());
                i = end;
            }
            _ => {
                out.push('&');
                i = at + 1;
            }
        }
    }
    push_without_nul(out, s.get(i..to).unwrap_or_default());
}

/// A tag or attribute name as the tokenizer keeps it: ASCII upper case lowered.
fn lower_name(name: &str) -> LocalName {
    if name.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        let mut lower = String::with_capacity(name.len());
        push_without_nul(&mut lower, &name.to_ascii_lowercase());
        LocalName::from(lower)
    } else {
        LocalName::from(name)
    }
}

/// Appends `s` with each NUL replaced by U+FFFD, as the tokenizer does outside the data state.
fn push_without_nul(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(p) = memchr::memchr(0, rest.as_bytes()) {
        out.push_str(rest.get(..p).unwrap_or_default());
        out.push('\u{fffd}');
        rest = rest.get(p + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// The character reference at `s[at]` (a `&`), per §13.2.5.72–80: the characters it stands for
/// (one or two), how many, and where it ends; None when the `&` is just text. In an attribute
/// value, a named reference without its `;` followed by `=` or a letter or digit stays text.
fn char_ref(s: &str, at: usize, in_attribute: bool) -> Option<([char; 2], usize, usize)> {
    let b = s.as_bytes();
    match b.get(at + 1) {
        Some(b'#') => {
            let (radix, digits) = match b.get(at + 2) {
                Some(b'x' | b'X') => (16, at + 3),
                _ => (10, at + 2),
            };
            let mut i = digits;
            let mut n: u32 = 0;
            while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(radix)) {
                n = n.saturating_mul(radix).saturating_add(d).min(0x11_0000);
                i += 1;
            }
            if i == digits {
                return None;
            }
            if b.get(i) == Some(&b';') {
                i += 1;
            }
            let c = match n {
                0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{fffd}',
                0x80..=0x9F => html5ever::data::C1_REPLACEMENTS
                    .get((n - 0x80) as usize)
                    .copied()
                    .flatten()
                    .or_else(|| char::from_u32(n))
                    .unwrap_or('\u{fffd}'),
                n => char::from_u32(n).unwrap_or('\u{fffd}'),
            };
            Some(([c, '\0'], 1, i))
        }
        Some(c) if c.is_ascii_alphanumeric() => {
            // The longest name in the table that the text starts with (the table also holds every
            // prefix of a name, mapped to zero).
            let start = at + 1;
            let mut i = start;
            let mut best = None;
            while let Some(&c) = b.get(i) {
                if !(c.is_ascii_alphanumeric() || c == b';') || i - start > 40 {
                    break;
                }
                i += 1;
                match html5ever::data::NAMED_ENTITIES.get(s.get(start..i).unwrap_or_default()) {
                    None => break,
                    Some(&(c1, c2)) if c1 != 0 => best = Some((i, c1, c2)),
                    Some(_) => {}
                }
            }
            let (end, c1, c2) = best?;
            if in_attribute
                && b.get(end - 1) != Some(&b';')
                && b.get(end)
                    .is_some_and(|&n| n == b'=' || n.is_ascii_alphanumeric())
            {
                return None;
            }
            let first = char::from_u32(c1).unwrap_or('\u{fffd}');
            match char::from_u32(c2).filter(|_| c2 != 0) {
                Some(second) => Some(([first, second], 2, end)),
                None => Some(([first, '\0'], 1, end)),
            }
        }
        _ => None,
    }
}

/// The DOCTYPE token in `src` (`<!DOCTYPE` up to and with the `>` that ends it, or the end of the
/// page), per §13.2.5.53–68: its name and public and system identifiers, and whether it forces
/// quirks mode (when the token ends, at `>` or the end of the page, before it is whole).
fn doctype(src: &str) -> Doctype {
    let b = src.as_bytes();
    let skip = |mut i: usize| {
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        i
    };
    let quirks = |d: Doctype| Doctype {
        force_quirks: true,
        ..d
    };
    let mut d = Doctype::default();
    let mut i = skip("<!DOCTYPE".len());
    // The name.
    let name_end = i + b
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&c| !is_space(c) && c != b'>')
        .count();
    if name_end == i {
        return quirks(d);
    }
    let mut name = String::new();
    push_without_nul(
        &mut name,
        &src.get(i..name_end)
            .unwrap_or_default()
            .to_ascii_lowercase(),
    );
    d.name = Some(StrTendril::from(name));
    i = skip(name_end);
    match b.get(i) {
        Some(b'>') => return d,
        None => return quirks(d),
        _ => {}
    }
    let keyword = b.get(i..i + 6).unwrap_or_default();
    let public = keyword.eq_ignore_ascii_case(b"public");
    if !public && !keyword.eq_ignore_ascii_case(b"system") {
        // A bogus DOCTYPE.
        return quirks(d);
    }
    // A quoted identifier at `i`: its value, where it ends and whether its quote was closed (the
    // token may end inside it, at `>` or the end of the page); None when there is no quote.
    let quoted = |i: usize| -> Option<(StrTendril, usize, bool)> {
        let q = *b.get(i).filter(|&&c| c == b'"' || c == b'\'')?;
        let (end, after, closed) = match memchr::memchr(q, b.get(i + 1..).unwrap_or_default()) {
            Some(p) => (i + 1 + p, i + 2 + p, true),
            None => {
                let end = src.len() - usize::from(src.ends_with('>'));
                (end, end, false)
            }
        };
        let mut id = String::new();
        push_without_nul(&mut id, src.get(i + 1..end).unwrap_or_default());
        Some((StrTendril::from(id), after, closed))
    };
    let Some((id, after, closed)) = quoted(skip(i + 6)) else {
        return quirks(d);
    };
    if public {
        d.public_id = Some(id);
    } else {
        d.system_id = Some(id);
    }
    if !closed {
        return quirks(d);
    }
    i = skip(after);
    match b.get(i) {
        Some(b'>') => return d,
        None => return quirks(d),
        // After a system identifier, anything else makes a bogus DOCTYPE, quirks not forced.
        _ if !public => return d,
        _ => {}
    }
    // After a public identifier, a system identifier.
    let Some((id, after, closed)) = quoted(i) else {
        return quirks(d);
    };
    d.system_id = Some(id);
    if !closed || b.get(skip(after)).is_none() {
        return quirks(d);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str, attr: bool) -> Option<(String, usize)> {
        char_ref(s, 0, attr).map(|(c, n, end)| (c[..n].iter().collect(), end))
    }

    #[test]
    fn character_references() {
        assert_eq!(decode("&amp;x", false), Some(("&".into(), 5)));
        assert_eq!(decode("&ampx", false), Some(("&".into(), 4)));
        assert_eq!(decode("&ampx", true), None);
        assert_eq!(decode("&amp=", true), None);
        assert_eq!(decode("&amp;=", true), Some(("&".into(), 5)));
        assert_eq!(decode("&notit;", false), Some(("¬".into(), 4)));
        assert_eq!(decode("&notin;", false), Some(("∉".into(), 7)));
        assert_eq!(
            decode("&NotEqualTilde;", false),
            Some(("≂\u{338}".into(), 15))
        );
        assert_eq!(decode("&#x41;", false), Some(("A".into(), 6)));
        assert_eq!(decode("&#65", false), Some(("A".into(), 4)));
        assert_eq!(decode("&#x80;", false), Some(("€".into(), 6)));
        assert_eq!(decode("&#0;", false), Some(("\u{fffd}".into(), 4)));
        assert_eq!(
            decode("&#99999999999;", false),
            Some(("\u{fffd}".into(), 14))
        );
        assert_eq!(decode("&#xD800;", false), Some(("\u{fffd}".into(), 8)));
        assert_eq!(decode("&#x;", false), None);
        assert_eq!(decode("&#", false), None);
        assert_eq!(decode("&zz;", false), None);
        assert_eq!(decode("& x", false), None);
        assert_eq!(decode("&#x0;", true), Some(("\u{fffd}".into(), 5)));
    }
}

/// Test and fuzzing support: our tokenizer against html5ever's.
#[cfg(any(test, fuzzing))]
pub(crate) mod compare {
    use super::super::dom::{Dom, Kind};

    /// The whole tree as lines: elements with namespace and all attributes, text (with its line
    /// when `lines`).
    pub(crate) fn tree(dom: &Dom, lines: bool) -> Vec<String> {
        let mut out = Vec::new();
        for (id, depth) in dom.preorder() {
            let Some(n) = dom.nodes.get(id) else { continue };
            match n.kind {
                Kind::Element => {
                    let mut attrs: Vec<String> = n
                        .attrs
                        .iter()
                        .map(|a| format!("{:?}:{}={:?}", a.name.ns, &*a.name.local, &*a.value))
                        .collect();
                    attrs.sort();
                    out.push(format!(
                        "{depth} <{:?}:{} {}>",
                        n.name.ns,
                        n.tag(),
                        attrs.join(" ")
                    ));
                }
                Kind::Text if lines => out.push(format!("{depth} {:?} @{}", &*n.text, n.line)),
                Kind::Text => out.push(format!("{depth} {:?}", &*n.text)),
                _ => out.push(format!("{depth} {:?}", n.kind)),
            }
        }
        out
    }

    /// Parses `src` with both tokenizers: the two trees when they differ.
    pub(crate) fn differ(src: &str, lines: bool) -> Option<(Vec<String>, Vec<String>)> {
        let ours = tree(&Dom::parse(src), lines);
        let theirs = tree(&Dom::parse_with_html5ever(src), lines);
        (ours != theirs).then_some((ours, theirs))
    }
}

#[cfg(test)]
mod differential {
    use super::super::dom::Dom;
    use super::super::markup::tests::random_pages;

    fn same(src: &str) -> Result<(), String> {
        let Some((ours, theirs)) = super::compare::differ(src, true) else {
            return Ok(());
        };
        let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
        Err(format!(
            "{src:?}\nours:   {:?}\ntheirs: {:?}",
            ours.get(at.saturating_sub(2)..(at + 3).min(ours.len())),
            theirs.get(at.saturating_sub(2)..(at + 3).min(theirs.len()))
        ))
    }

    #[test]
    fn reads_doctypes_as_html5ever_does() {
        use html5ever::tendril::StrTendril;
        use html5ever::tokenizer::{
            BufferQueue, Doctype, Token, TokenSink, TokenSinkResult, Tokenizer,
        };
        use std::cell::RefCell;
        struct Grab(RefCell<Option<Doctype>>);
        impl TokenSink for Grab {
            type Handle = ();
            fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                if let Token::DoctypeToken(d) = token {
                    self.0.borrow_mut().get_or_insert(d);
                }
                TokenSinkResult::Continue
            }
        }
        let theirs = |src: &str| {
            let tok = Tokenizer::new(Grab(RefCell::new(None)), Default::default());
            let input = BufferQueue::default();
            input.push_back(StrTendril::from_slice(src));
            let _ = tok.feed(&input);
            tok.end();
            tok.sink.0.take()
        };
        let cases = [
            "<!DOCTYPE html>",
            "<!doctype HTML>",
            "<!DOCTYPE>",
            "<!DOCTYPE",
            "<!DOCTYPE html",
            "<!DOCTYPEhtml>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://x\">",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
            "<!DOCTYPE html PUBLIC'a'\"b\">",
            "<!DOCTYPE html public \"a\"\"b\" >",
            "<!DOCTYPE html SYSTEM \"about:legacy-compat\">",
            "<!DOCTYPE html SYSTEM 'x' junk>",
            "<!DOCTYPE html SYSTEM>",
            "<!DOCTYPE html SYSTEM x>",
            "<!DOCTYPE html PUBLIC>",
            "<!DOCTYPE html PUBLIC \"a>",
            "<!DOCTYPE html PUBLIC \"a",
            "<!DOCTYPE html PUBLIC \"a\" \"b>",
            "<!DOCTYPE html PUBLIC \"a\" x>",
            "<!DOCTYPE html PUBLIC \"a\"",
            "<!DOCTYPE html PUBLICx>",
            "<!DOCTYPE html bogus>",
            "<!DOCTYPE h\0tml PUBLIC \"\0\">",
        ];
        for src in cases {
            assert_eq!(Some(super::doctype(src)), theirs(src), "{src:?}");
        }
    }

    #[test]
    fn builds_the_tree_html5ever_builds() {
        let rounds = std::env::var("NEWSCLEAN_DIFF_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(5000);
        for (round, src) in random_pages(0x9e37_79b9_7f4a_7c15).take(rounds).enumerate() {
            if let Err(e) = same(&src) {
                panic!("round {round}: {e}");
            }
        }
    }

    /// Real pages, when the evaluation data is there (it is not part of the repository).
    #[test]
    fn builds_the_tree_html5ever_builds_on_real_pages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        let mut pages = 0;
        for set in ["articles-dev", "trafilatura-dev"] {
            let Ok(dir) = std::fs::read_dir(root.join(set).join("html")) else {
                continue;
            };
            for entry in dir.flatten() {
                let Ok(bytes) = std::fs::read(entry.path()) else {
                    continue;
                };
                let page = String::from_utf8_lossy(&bytes);
                if let Err(e) = same(&page) {
                    panic!(
                        "{}: {}",
                        entry.path().display(),
                        &e[e.len().saturating_sub(2000)..]
                    );
                }
                // Trimmed, the tree is the same but for what the walk never reads.
                use super::super::markup::tests::tree;
                let (a, b) = (
                    tree(&Dom::parse_trimmed(&page)),
                    tree(&Dom::parse_with_html5ever(&page)),
                );
                let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
                assert!(
                    a == b,
                    "{} trimmed: {:?} / {:?}",
                    entry.path().display(),
                    a.get(at.saturating_sub(1)..(at + 2).min(a.len())),
                    b.get(at.saturating_sub(1)..(at + 2).min(b.len()))
                );
                pages += 1;
            }
        }
        eprintln!("{pages} pages compared");
    }
}
