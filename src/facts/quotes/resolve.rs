//! Resolving a speaker to an entity: a name to the entity mentioned there, a pronoun to the
//! nearest preceding mention of a fitting kind (binary search over mentions in text order).

use super::lexicon::PronClass;
use super::scan::{Extractor, Range};
use crate::article::Span;
use crate::facts::{Entity, EntityKind};

/// Entity mentions in text order, for resolving speakers.
pub(super) struct Mentions<'e> {
    entities: &'e [Entity],
    /// (start, end, entity index), sorted by start.
    list: Vec<(usize, usize, usize)>,
}

impl<'e> Mentions<'e> {
    pub(super) fn new(entities: &'e [Entity]) -> Self {
        let mut list: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .map(move |m| (m.span.start, m.span.end, i))
            })
            .collect();
        list.sort_unstable();
        Mentions { entities, list }
    }

    /// The entity a speaker refers to: a mention inside or overlapping it (the longest overlap),
    /// or for a pronoun the nearest preceding mention of a fitting kind.
    pub(super) fn resolve(
        &self,
        ex: &Extractor,
        r: Range,
        span: Span,
    ) -> (Option<usize>, Option<String>) {
        if self.list.is_empty() {
            return (None, None);
        }
        let pron = if r.1 == r.0 + 1 {
            ex.lex.pronoun(ex.lower(r.0), ex.mask)
        } else {
            None
        };
        let hit = match pron {
            None => return self.named(span),
            Some(class) => {
                let upto = self.list.partition_point(|m| m.0 < span.start);
                self.list[..upto]
                    .iter()
                    .rev()
                    .take(200)
                    .find(|&&(_, b, i)| {
                        b <= span.start && self.entities.get(i).is_some_and(|e| fits(class, e.kind))
                    })
                    .map(|&(_, _, i)| i)
            }
        };
        self.entity(hit)
    }

    /// The entity mentioned inside or overlapping `span` (the longest overlap).
    pub(super) fn named(&self, span: Span) -> (Option<usize>, Option<String>) {
        // Mentions starting before the span's end; at most a few reach into it.
        let upto = self.list.partition_point(|m| m.0 < span.end);
        let mut best: Option<(usize, usize)> = None;
        for &(a, b, i) in self.list[..upto].iter().rev().take(16) {
            let ov = b.min(span.end).saturating_sub(a.max(span.start));
            if ov > 0 && best.is_none_or(|(_, o)| ov > o) {
                best = Some((i, ov));
            }
        }
        self.entity(best.map(|(i, _)| i))
    }

    fn entity(&self, hit: Option<usize>) -> (Option<usize>, Option<String>) {
        match hit.and_then(|i| self.entities.get(i).map(|e| (i, e))) {
            Some((i, e)) => (Some(i), Some(e.text.clone())),
            None => (None, None),
        }
    }
}

fn fits(class: PronClass, kind: EntityKind) -> bool {
    match class {
        PronClass::Person => kind == EntityKind::Person,
        PronClass::Thing => matches!(kind, EntityKind::Organization | EntityKind::Place),
        PronClass::Any => matches!(
            kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place
        ),
    }
}
