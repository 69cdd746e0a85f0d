//! Speaker labels of transcripts: a line that opens with a name in capitals and a colon ("ANN
//! LEE, HOST:", "LEE: Well, …"), as broadcasters print what was said on air. The name is a
//! person's (unless it names no one: "UNIDENTIFIED PERSON #1:"), the role after its comma is
//! none ("HOST", "BYLINE"), and what follows — the rest of the line, or else the next
//! paragraph — is what that person said. Entities and quotes both read them from here.

use crate::article::Span;

/// A speaker label that opens a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// The name before the colon (or before the comma of a role), byte offsets into the text.
    pub name: Span,
    /// True when the name is someone's ("ANN LEE"), false for "UNIDENTIFIED PERSON #1", "CROWD".
    pub person: bool,
    /// One past the label's colon.
    pub end: usize,
    /// What was said: the rest of the line after the colon, else the next paragraph.
    pub speech: Option<Span>,
}

/// Role words of transcripts: after a name's comma ("ANN LEE, HOST:"), or a label that names
/// no one ("UNIDENTIFIED PERSON:", "CROWD:").
const ROLES: [&str; 24] = [
    "host",
    "byline",
    "anchor",
    "co-host",
    "correspondent",
    "reporter",
    "narrator",
    "announcer",
    "moderator",
    "interviewer",
    "guest",
    "caller",
    "unidentified",
    "person",
    "man",
    "woman",
    "group",
    "crowd",
    "voice",
    "speaker",
    "audience",
    "protesters",
    "students",
    "children",
];

/// The longest label, in bytes (a name and a role).
const MAX_LABEL: usize = 60;

/// A candidate label at the start of `line` (its offset in the text is `at`): (name span, has a
/// role after a comma, name words, names no one, where the speech starts).
fn parse(line: &str, at: usize) -> Option<(Span, bool, usize, bool, usize)> {
    let lead = line.len() - line.trim_start().len();
    let colon = line.get(..MAX_LABEL.min(line.len()))?.find(':')?;
    let label = line.get(lead..colon)?;
    if label.chars().filter(|c| c.is_alphabetic()).count() < 2
        || label.chars().any(char::is_lowercase)
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_ascii_digit() || " .,'’-#".contains(c))
        || label.starts_with([',', '.', '-', '#'])
    {
        return None;
    }
    let (name, role) = match label.split_once(',') {
        Some((n, r)) => (n.trim_end(), Some(r.trim())),
        None => (label.trim_end(), None),
    };
    let is_role = |w: &str| ROLES.contains(&w.to_lowercase().trim_matches('.'));
    if role.is_some_and(|r| r.is_empty() || !r.split_whitespace().all(is_role)) {
        return None;
    }
    let words = name.split_whitespace().count();
    let nobody = name.contains('#') || name.split_whitespace().any(is_role);
    let start = at + lead;
    Some((
        Span::new(start, start + name.len()),
        role.is_some(),
        words,
        nobody,
        at + colon + 1,
    ))
}

/// The speaker labels of `text`, in order. A transcript has several: alone, a capitalised word
/// and a colon is as likely a headline's kicker ("UPDATE:", "WATCH:"). Accepted are labels
/// with a role ("ANN LEE, HOST:"); when the text has at least two labels of two words or with a
/// role, labels of two or more words; and one-word labels that repeat the last word of an
/// accepted name ("LEE:") or open several lines of such a transcript.
pub(crate) fn labels(text: &str) -> Vec<Label> {
    // (name, has role, words, nobody, speech start, line end)
    let mut found = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some((name, role, words, nobody, speech)) = parse(body, at) {
            found.push((name, role, words, nobody, speech, at + body.len()));
        }
        at += line.len();
    }
    if found.is_empty() {
        return Vec::new();
    }
    let several = found.iter().filter(|f| f.2 >= 2 || f.1).count() >= 2;
    let name_of = |s: Span| text.get(s.start..s.end).unwrap_or("");
    // A one-word label that opens several lines of a transcript is a speaker's surname.
    let repeated =
        |name: &str| several && found.iter().filter(|f| name_of(f.0) == name).count() >= 2;
    let mut surnames: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for &(name, role, words, nobody, speech, line_end) in &found {
        let name_text = name_of(name);
        let accepted = role
            || (several && words >= 2)
            || (words == 1 && (surnames.contains(&name_text) || repeated(name_text)));
        if !accepted {
            continue;
        }
        if words >= 2 && !nobody {
            if let Some(last) = name_text.split_whitespace().last() {
                surnames.push(last);
            }
        }
        out.push(Label {
            name,
            person: !nobody,
            end: speech,
            speech: speech_after(text, speech, line_end),
        });
    }
    out
}

/// What a label introduces: the rest of its line, else the next non-empty line unless that is
/// another label or an aside in brackets ("(SOUNDBITE OF MUSIC)").
fn speech_after(text: &str, start: usize, line_end: usize) -> Option<Span> {
    let rest = text.get(start..line_end)?;
    let trimmed = rest.trim();
    if !trimmed.is_empty() {
        let lead = rest.len() - rest.trim_start().len();
        return Some(Span::new(start + lead, start + lead + trimmed.len()));
    }
    let mut at = line_end;
    for line in text.get(line_end..)?.split_inclusive('\n') {
        let body = line.trim();
        if !body.is_empty() {
            if body.starts_with('(') || parse(line.trim_end_matches(['\n', '\r']), at).is_some() {
                return None;
            }
            let lead = line.len() - line.trim_start().len();
            return Some(Span::new(at + lead, at + lead + body.len()));
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, bool, Option<&str>)> {
        labels(text)
            .into_iter()
            .map(|l| {
                (
                    &text[l.name.start..l.name.end],
                    l.person,
                    l.speech.map(|s| &text[s.start..s.end]),
                )
            })
            .collect()
    }

    #[test]
    fn transcript_labels_name_speakers() {
        let text = "The town votes on Tuesday.\n\nMARA QUILL, HOST:\n\nThe vote is close.\n\n\
                    TOBIAS VANE, BYLINE: I am at the town hall.\n\n(SOUNDBITE OF CHEERING)\n\n\
                    UNIDENTIFIED PERSON #1: Vote yes!\n\nVANE: Most here agree.\n\nNOTE: a footnote.";
        assert_eq!(
            names(text),
            [
                ("MARA QUILL", true, Some("The vote is close.")),
                ("TOBIAS VANE", true, Some("I am at the town hall.")),
                ("UNIDENTIFIED PERSON #1", false, Some("Vote yes!")),
                ("VANE", true, Some("Most here agree.")),
            ]
        );
    }

    #[test]
    fn a_lone_kicker_is_no_label() {
        assert!(labels("BREAKING: The bridge is closed.\n\nMore soon.").is_empty());
        assert!(labels("UPDATE: Roads reopen.\nWATCH: The video.").is_empty());
        assert!(labels("Note: prices rose. Time: 10:30").is_empty());
        assert!(labels("").is_empty());
        assert!(labels(":\n::\nA:\n").is_empty());
    }
}
