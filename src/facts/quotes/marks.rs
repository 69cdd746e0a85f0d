//! Pairs quotation marks, paragraph by paragraph, in one pass over the tokens.
//!
//! Handled: “English” and "straight" double marks, „German“ and „Polish”, «French» and »Danish«,
//! ‘single’, ‚German single‘ and 'straight single' marks for quotes inside quotes (a single mark
//! between two letters is an apostrophe). Marks nest on a stack. A double quotation still open at
//! the end of a paragraph closes there; when the next paragraph opens with a double mark, the
//! quotation continues in it (news style for a quote of several paragraphs). An unclosed single
//! mark is dropped: it was most likely an apostrophe.

use super::lexicon::Tokens;

/// One pair of quotation marks (or an opening mark and the end of its paragraph).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Quotation {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; None when the paragraph ended first.
    pub close: Option<usize>,
    /// Token index one past the last token of the content (the closing mark or the line break).
    pub end: usize,
    /// Double marks (single marks quote inside quotes).
    pub double: bool,
    /// Inside another quotation.
    pub nested: bool,
    /// Index (into the list) of the quotation of the previous paragraph that this one continues.
    pub continues: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “ (English opening) — closed by ”; also „ closed by “ or ”.
    Curly,
    /// „ — closed by “ or ”.
    Low,
    /// " — closed by ".
    Straight,
    /// « — closed by ».
    Guillemet,
    /// » opening (Danish/German) — closed by «.
    RevGuillemet,
    /// ” opening (Swedish/Finnish) — closed by ”.
    RightCurly,
    /// ‘ or ‚ — closed by ’ or ‘.
    Single,
    /// ' — closed by '.
    StraightSingle,
}

impl Mark {
    fn double(self) -> bool {
        !matches!(self, Mark::Single | Mark::StraightSingle)
    }
}

/// How deep into the stack of open marks a closing mark looks for its partner.
const MAX_SEARCH: usize = 8;

/// True for a character that can open or close a double quotation.
pub(super) fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '"' | '«' | '»')
}

/// Finds every quotation of the text, in order of the opening marks.
pub(super) fn find(toks: &Tokens) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = Vec::new();
    // Open marks: (kind, index into `out`).
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    // Double quotations left open at the end of the previous paragraph (outermost first).
    let mut open_at_break: Option<usize> = None;
    let mut para_first = true;
    let mut i = 0;
    while i < toks.len() {
        if toks.is_break(i) {
            if !stack.is_empty() {
                // Close what is open: a double quotation at the break, a single one is dropped.
                let mut outer = None;
                for &(m, q) in &stack {
                    if m.double() {
                        out[q].end = i;
                        outer = outer.or(Some(q));
                    } else {
                        out[q].end = usize::MAX;
                    }
                }
                stack.clear();
                open_at_break = outer;
            } else if !para_first {
                open_at_break = None;
            }
            para_first = true;
            i += 1;
            continue;
        }
        let first_of_para = para_first;
        para_first = false;
        let Some(c) = toks.punct(i) else {
            if first_of_para {
                open_at_break = None;
            }
            i += 1;
            continue;
        };
        let before = toks.char_before(i);
        let after = toks.char_after(i);
        let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b))
            || before.is_some_and(is_double_mark);
        let letter_before = before.is_some_and(crate::facts::chars::is_alphanumeric);
        let letter_after = after.is_some_and(crate::facts::chars::is_alphanumeric);
        // Only the innermost few open marks can match: keeps a page of unclosed marks linear.
        let find_open = |stack: &Vec<(Mark, usize)>, kinds: &[Mark]| {
            let from = stack.len().saturating_sub(MAX_SEARCH);
            stack[from..]
                .iter()
                .rposition(|(m, _)| kinds.contains(m))
                .map(|p| p + from)
        };
        let mut opened: Option<Mark> = None;
        let mut close_at: Option<usize> = None;
        match c {
            '“' => {
                if let Some(p) = find_open(&stack, &[Mark::Low]).filter(|_| !space_before) {
                    close_at = Some(p);
                } else {
                    opened = Some(Mark::Curly);
                }
            }
            '”' => {
                // A straight opening mark closed by a curly one happens in edited copy.
                if let Some(p) = find_open(
                    &stack,
                    &[Mark::Curly, Mark::Low, Mark::RightCurly, Mark::Straight],
                ) {
                    close_at = Some(p);
                } else if space_before && !after.is_none_or(char::is_whitespace) {
                    opened = Some(Mark::RightCurly);
                }
            }
            '„' => opened = Some(Mark::Low),
            '"' => {
                if let Some(p) = find_open(&stack, &[Mark::Straight]) {
                    close_at = Some(p);
                } else if let Some(p) =
                    find_open(&stack, &[Mark::Curly, Mark::Low]).filter(|_| !space_before)
                {
                    close_at = Some(p);
                } else {
                    opened = Some(Mark::Straight);
                }
            }
            '«' => {
                if let Some(p) = find_open(&stack, &[Mark::RevGuillemet]).filter(|_| !space_before)
                {
                    close_at = Some(p);
                } else {
                    opened = Some(Mark::Guillemet);
                }
            }
            '»' => {
                if let Some(p) = find_open(&stack, &[Mark::Guillemet]) {
                    close_at = Some(p);
                } else if space_before && !after.is_none_or(char::is_whitespace) {
                    opened = Some(Mark::RevGuillemet);
                }
            }
            '‘' | '‚' => {
                if c == '‘'
                    && stack.last().is_some_and(|(m, _)| *m == Mark::Single)
                    && !space_before
                {
                    close_at = Some(stack.len() - 1);
                } else if space_before && !after.is_none_or(char::is_whitespace) {
                    opened = Some(Mark::Single);
                }
            }
            '’' if stack.last().is_some_and(|(m, _)| *m == Mark::Single)
                && !(letter_before && letter_after) =>
            {
                close_at = Some(stack.len() - 1);
            }
            '\'' => {
                if stack
                    .last()
                    .is_some_and(|(m, _)| *m == Mark::StraightSingle)
                    && !letter_after
                    && !space_before
                {
                    close_at = Some(stack.len() - 1);
                } else if space_before && letter_after {
                    opened = Some(Mark::StraightSingle);
                }
            }
            _ => {}
        }
        if let Some(p) = close_at {
            // Closing a double mark drops the unclosed single marks above it.
            for &(m, q) in &stack[p + 1..] {
                if !m.double() {
                    out[q].end = usize::MAX;
                }
            }
            let (_, q) = stack[p];
            out[q].close = Some(i);
            out[q].end = i;
            stack.truncate(p);
        } else if let Some(m) = opened {
            let continues = if first_of_para && m.double() {
                open_at_break.take()
            } else {
                None
            };
            if first_of_para {
                open_at_break = None;
            }
            stack.push((m, out.len()));
            out.push(Quotation {
                open: i,
                close: None,
                end: i,
                double: m.double(),
                nested: false,
                continues,
            });
        } else if first_of_para {
            open_at_break = None;
        }
        i += 1;
    }
    for &(m, q) in &stack {
        out[q].end = if m.double() { toks.len() } else { usize::MAX };
    }
    finish(out)
}

/// Drops the dropped quotations (renumbering `continues`) and marks the nested ones.
fn finish(all: Vec<Quotation>) -> Vec<Quotation> {
    let mut new_index = vec![None; all.len()];
    let mut out: Vec<Quotation> = Vec::with_capacity(all.len());
    for (k, q) in all.into_iter().enumerate() {
        if q.end == usize::MAX {
            continue;
        }
        new_index[k] = Some(out.len());
        out.push(q);
    }
    // Nesting: a sweep with a stack of enclosing ends (quotations are in order of opening).
    let mut enclosing: Vec<usize> = Vec::new();
    for q in &mut out {
        while enclosing.last().is_some_and(|&e| e <= q.open) {
            enclosing.pop();
        }
        q.nested = !enclosing.is_empty();
        enclosing.push(q.end);
        q.continues = q
            .continues
            .and_then(|c| new_index.get(c).copied().flatten());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, bool, bool, Option<usize>)> {
        let t = Tokens::new(text);
        find(&t)
            .into_iter()
            .map(|q| {
                let a = t.toks[q.open].end;
                let b = t.toks.get(q.end).map_or(text.len(), |x| x.start);
                (
                    text[a..b].trim().to_string(),
                    q.double,
                    q.nested,
                    q.continues,
                )
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_nested_single_marks_pair() {
        let got = spans("“We said ‘no’ twice,” she said. He called it \"odd\" then.");
        assert_eq!(
            got,
            [
                ("We said ‘no’ twice,".into(), true, false, None),
                ("no".into(), false, true, None),
                ("odd".into(), true, false, None),
            ]
        );
    }

    #[test]
    fn mixed_straight_and_curly_marks_pair() {
        let got = spans("Her \"work” mail and “home\" mail and \"so\" on.");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, ["work", "home", "so"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let got = spans("The farmers’ union didn’t say 'no' to the ’90s plan.");
        assert_eq!(got, [("no".into(), false, false, None)]);
    }

    #[test]
    fn german_french_and_danish_marks_pair() {
        let got = spans("Er sagte: „Wir kommen.“ Elle a dit : « Oui. » Han sagde: »Ja.«");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, ["Wir kommen.", "Oui.", "Ja."]);
    }

    #[test]
    fn open_quote_continues_into_a_paragraph_that_opens_with_a_mark() {
        let got = spans("“First part, she said.\n\n“Second part.”\n\n“Third.”");
        assert_eq!(got[0].0, "First part, she said.");
        assert_eq!(got[1], ("Second part.".into(), true, false, Some(0)));
        assert_eq!(got[2].3, None);
    }

    #[test]
    fn open_quote_closes_at_paragraph_end_without_continuation() {
        let got = spans("He said “we will\nNext line “ok” here.");
        assert_eq!(got[0].0, "we will");
        assert_eq!(got[1], ("ok".into(), true, false, None));
    }
}
