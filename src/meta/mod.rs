//! Page metadata: the headline, authors, publication date, site name, language, canonical URL
//! and the types a page declares. The HTML walk collects candidates by source — `<meta>` tags
//! (Open Graph, Dublin Core, `article:*`), JSON-LD (schema.org), microdata (`itemprop`),
//! `<time datetime>`, the visible headline, byline and dateline ([`Meta::read_blocks`]) — and
//! they are resolved at the end in a fixed order of sources (see [`Meta::published`],
//! [`Meta::authors`] and [`headline`]).

pub(crate) mod date;
mod headline;
mod json;
mod names;
pub(crate) mod text;

pub(crate) use date::{iso_date, url_date, visible_date};
pub(crate) use names::push_names;

use crate::article::{BlockKind, Reason};
use crate::block::Block;
use json::Json;

/// What the page says about itself. Candidates are kept by source and resolved at the end.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    pub title_tag: Option<String>,
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    /// The headline chosen between the head's title and the visible `<h1>`s.
    pub headline: Option<String>,
    pub meta_authors: Vec<String>,
    pub ld_authors: Vec<String>,
    pub visible_authors: Vec<String>,
    pub meta_published: Option<String>,
    pub ld_published: Option<String>,
    pub time_published: Option<String>,
    pub visible_published: Option<String>,
    /// A visible date said to be of an update ("Updated March 5, 2024").
    pub visible_updated: Option<String>,
    /// A visible date anywhere on the page said to be of publication ("Published: …").
    pub labelled_published: Option<String>,
    pub site_name: Option<String>,
    pub ld_site_name: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    /// The URL the caller gave for the page.
    pub given_url: Option<String>,
    /// `og:type` and the JSON-LD `@type`s, lower-cased.
    pub types: Vec<String>,
    /// The types of what the page itself is: `og:type` and the `@type`s of the JSON-LD's
    /// top-level nodes (the document, its `@graph` members and their `mainEntity`), lower-cased;
    /// not those of nodes nested in properties (a course's `offers`, a review's `itemReviewed`).
    pub page_types: Vec<String>,
    /// The JSON-LD authors are organisations, not people.
    ld_authors_orgs: bool,
    /// How well the JSON-LD node read so far stands for the page (see [`node_rank`]).
    ld_rank: u8,
}

fn set(slot: &mut Option<String>, v: &str) {
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(collapse(v));
    }
}

/// Collapses whitespace runs to one space.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A date from a value meant for machines that may be written for people ("July 17, 2025").
fn any_date(v: &str) -> Option<String> {
    iso_date(v).or_else(|| visible_date(v))
}

impl Meta {
    /// Metadata of a page the caller found at `url`.
    pub fn at(url: Option<&str>) -> Meta {
        Meta {
            given_url: url.map(str::to_string),
            ..Meta::default()
        }
    }

    /// A `<meta>` element: `name`, `property` or `itemprop` with `content`.
    pub fn meta_tag(&mut self, key: &str, content: &str) {
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" => set(&mut self.og_title, content),
            "og:site_name" | "application-name" => set(&mut self.site_name, content),
            "og:url" => set(&mut self.og_url, content),
            "og:type" => {
                let t = content.trim().to_ascii_lowercase();
                self.page_types.push(t.clone());
                self.types.push(t);
            }
            "author" | "article:author" | "dc.creator" | "dcterms.creator" | "byl"
            | "sailthru.author" | "parsely-author" | "citation_author" => {
                let c = content.trim();
                // Profile URLs are not names.
                if !c.is_empty() && !c.contains("://") {
                    push_names(&mut self.meta_authors, c);
                }
            }
            k if is_published_key(k) => {
                if let Some(d) = any_date(content) {
                    set(&mut self.meta_published, &d);
                }
            }
            _ => {}
        }
    }

    /// The text of a `<script type="application/ld+json">`.
    pub fn json_ld(&mut self, text: &str) {
        let Some(j) = Json::parse(text) else { return };
        let nodes = j.objects(512);
        for n in &nodes {
            for t in n.get("@type").map(Json::items).unwrap_or_default() {
                if let Some(t) = t.as_str() {
                    self.types.push(t.to_ascii_lowercase());
                }
            }
        }
        for n in top_nodes(&j) {
            for t in n.get("@type").map(Json::items).unwrap_or_default() {
                if let Some(t) = t.as_str() {
                    self.page_types.push(t.to_ascii_lowercase());
                }
            }
        }
        // The node that stands for the page: an article, else any node with a headline or date.
        let Some((rank, main)) = nodes
            .iter()
            .map(|n| (node_rank(n), *n))
            .filter(|(r, _)| *r > 0)
            .fold(None::<(u8, &Json)>, |b, (r, n)| match b {
                Some((br, _)) if br >= r => b,
                _ => Some((r, n)),
            })
        else {
            return;
        };
        if rank <= self.ld_rank {
            return;
        }
        self.ld_rank = rank;
        let text = |k: &str| main.get(k).and_then(Json::as_str).map(decode);
        if let Some(h) = text("headline") {
            self.ld_headline = Some(collapse(&h)).filter(|h| !h.is_empty());
        }
        if let Some(d) = text("datePublished").as_deref().and_then(any_date) {
            self.ld_published = Some(d);
        }
        if let Some(n) = main
            .get("publisher")
            .and_then(|p| resolve(p, &nodes).get("name"))
            .and_then(Json::as_str)
        {
            self.ld_site_name = Some(collapse(&decode(n)));
        }
        let authors = main.get("author").or_else(|| main.get("creator"));
        let mut names = Vec::new();
        let mut people = false;
        for a in authors.map(Json::items).unwrap_or_default() {
            let a = resolve(a, &nodes);
            let before = names.len();
            match a {
                Json::Str(s) => push_names(&mut names, &decode(s)),
                o => {
                    if let Some(n) = o.get("name").and_then(Json::as_str) {
                        push_names(&mut names, &decode(n));
                    }
                }
            }
            people |= names.len() > before && !is_organization(a);
        }
        if !names.is_empty() {
            self.ld_authors = names;
            self.ld_authors_orgs = !people;
        }
    }

    /// The headline from the head (`og:title`, `twitter:title`, JSON-LD, `<title>`), less the
    /// site's name.
    pub fn head_title(&self) -> Option<String> {
        let t = self
            .og_title
            .as_deref()
            .or(self.ld_headline.as_deref())
            .or(self.title_tag.as_deref())?;
        let url = self.url().or_else(|| self.given_url.clone());
        let host = url.as_deref().and_then(headline::url_host);
        Some(headline::strip_site(t, self.site().as_deref(), host)).filter(|t| !t.is_empty())
    }

    /// The headline: as the page shows it, else from the head.
    pub fn title(&self) -> Option<String> {
        self.headline.clone().or_else(|| self.head_title())
    }

    /// The authors: JSON-LD (unless it names only organisations and a `<meta>` tag or the
    /// visible byline names someone), then `<meta>` tags, then the visible byline.
    pub fn authors(&self) -> Vec<String> {
        // An organisation named as the author gives way to the people a byline names.
        let people_elsewhere = !self.meta_authors.is_empty() || !self.visible_authors.is_empty();
        let skip_ld = self.ld_authors_orgs && people_elsewhere;
        let ld = if skip_ld {
            &[][..]
        } else {
            &self.ld_authors[..]
        };
        for list in [ld, &self.meta_authors, &self.visible_authors] {
            if !list.is_empty() {
                return list.to_vec();
            }
        }
        Vec::new()
    }

    /// The publication date, as the page shows it first: the dateline near the headline, a
    /// date labelled as of publication elsewhere on the page, the `<meta>` publication tags, a
    /// visible date of an update, JSON-LD `datePublished`, `<time>`, the URL (the page's canonical
    /// one, then the caller's). (The visible
    /// date comes first because machine-readable dates are often a template's or the first
    /// draft's; an update's date comes before JSON-LD for the same reason.)
    /// A machine-readable value of the same day adds its time of day.
    pub fn published(&self) -> Option<String> {
        let candidates = [
            &self.visible_published,
            &self.labelled_published,
            &self.meta_published,
            &self.visible_updated,
            &self.ld_published,
            &self.time_published,
        ];
        let day = candidates
            .iter()
            .find_map(|c| c.as_ref())
            .cloned()
            .or_else(|| self.url().as_deref().and_then(url_date))
            .or_else(|| self.given_url.as_deref().and_then(url_date))?;
        let timed = candidates.iter().find_map(|c| {
            c.as_ref()
                .filter(|d| d.len() > 10 && d.get(..10) == day.get(..10))
        });
        Some(timed.cloned().unwrap_or(day))
    }

    /// The site's name.
    pub fn site(&self) -> Option<String> {
        self.site_name.clone().or_else(|| self.ld_site_name.clone())
    }

    /// The canonical URL.
    pub fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.og_url.clone())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    }

    /// True when the page declares itself an article (Open Graph or schema.org).
    pub fn declares_article(&self) -> bool {
        self.types.iter().any(|t| is_article_type(t))
    }

    /// Fills the headline, byline and dateline from the visible blocks and marks the headline
    /// block (hint [`Reason::Title`]).
    pub fn read_blocks(&mut self, blocks: &mut [Block]) {
        let head = self.head_title();
        let h1: Vec<usize> = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Heading && b.structure.heading_level == 1)
            .map(|(i, _)| i)
            .take(32)
            .collect();
        let texts: Vec<&str> = h1.iter().map(|&i| blocks[i].text.as_str()).collect();
        let (headline, at) = headline::choose(head.as_deref(), &texts);
        let at = at.and_then(|i| h1.get(i).copied());
        self.headline = headline;
        let title_key = self.headline.as_deref().map(crate::normalize::key);
        // The headline block: the chosen heading, else the first heading that reads as the title.
        let title_block = at.or_else(|| {
            let t = title_key.as_deref()?;
            blocks
                .iter()
                .position(|b| b.kind == BlockKind::Heading && title_matches(t, &b.text))
        });
        if let Some(i) = title_block {
            blocks[i].structure.hint = Some(Reason::Title);
        }
        let first_main = blocks.iter().position(|b| b.structure.in_main);
        // The dateline and byline: short blocks after the headline, up to its second paragraph,
        // then a few before it.
        if let Some(a) = title_block.or(first_main) {
            let mut paragraphs = 0;
            let after = (a + 1..blocks.len().min(a + 1 + NEAR_AFTER)).take_while(|&i| {
                paragraphs += usize::from(blocks[i].text.len() > 200);
                paragraphs < 2
            });
            let before = (a.saturating_sub(NEAR_BEFORE)..a).rev();
            for i in after.chain(before) {
                self.read_header_line(blocks, i);
            }
        }
        // Else a byline named by the markup anywhere, and a dateline near the main content.
        for (i, b) in blocks.iter().enumerate() {
            if Some(i) == title_block {
                continue;
            }
            let near_top = first_main.is_some_and(|m| i + 8 >= m && i <= m + 8);
            if b.structure.hint == Some(Reason::Byline)
                && b.text.chars().count() <= 120
                && self.visible_authors.is_empty()
            {
                let line = b.text.lines().next().unwrap_or("");
                push_names(&mut self.visible_authors, line);
            }
            // Only short lines with a year can be datelines (a cheap test first: this loop
            // sees every block of the page).
            let short_dated =
                b.text.len() <= 320 && date::has_year(&b.text) && b.text.chars().count() <= 80;
            if !short_dated {
                continue;
            }
            if near_top {
                self.dateline(blocks, i);
            }
            if self.labelled_published.is_none() {
                let label = |t: &str| date::says_published(t);
                let prev = i.checked_sub(1).and_then(|p| blocks.get(p));
                if label(&b.text) || prev.is_some_and(|p| p.text.len() <= 30 && label(&p.text)) {
                    self.labelled_published = visible_date(&b.text);
                }
            }
        }
    }

    /// A short block near the headline: a dateline ("March 5, 2024", "Updated: 5 March 2024")
    /// and a byline (named by the markup, or "By …", or "Published March 5, 2024 by …").
    fn read_header_line(&mut self, blocks: &[Block], i: usize) {
        let Some(b) = blocks.get(i).filter(|b| b.text.chars().count() <= 120) else {
            return;
        };
        let date = self.dateline(blocks, i);
        if !self.visible_authors.is_empty() {
            return;
        }
        let line = b.text.lines().next().unwrap_or("");
        // A label alone ("Written by") before the names.
        let after_label = i
            .checked_sub(1)
            .and_then(|p| blocks.get(p))
            .is_some_and(|p| names::is_bare_label(&p.text));
        if b.structure.hint == Some(Reason::Byline) || names::starts_with_label(line) || after_label
        {
            push_names(&mut self.visible_authors, line);
        } else if let (true, Some(at)) = (date, line.to_lowercase().rfind(" by ")) {
            push_names(&mut self.visible_authors, line.get(at + 4..).unwrap_or(""));
        }
    }

    /// Reads a date in block `i` as the visible publication date, or as the date of an update
    /// when it or a label just before it says so ("Updated:", "Last modified"); true when the
    /// block holds a date. A block with a linked headline is a teaser of another story.
    fn dateline(&mut self, blocks: &[Block], i: usize) -> bool {
        let Some(b) = blocks.get(i) else { return false };
        let teaser = b.structure.links.iter().any(|(r, _)| {
            let t = b.text.get(r.start..r.end).unwrap_or("");
            t.split_whitespace().count() >= 5 && !t.bytes().any(|c| c.is_ascii_digit())
        });
        if teaser {
            return false;
        }
        let Some(d) = visible_date(&b.text) else {
            return false;
        };
        let label = i
            .checked_sub(1)
            .and_then(|p| blocks.get(p))
            .filter(|p| p.text.chars().count() <= 30)
            .is_some_and(|p| date::says_updated(&p.text));
        let slot = if label || date::says_updated(&b.text) {
            &mut self.visible_updated
        } else {
            &mut self.visible_published
        };
        if slot.is_none() {
            *slot = Some(d);
        }
        true
    }
}

/// How many blocks after the headline, and before it, may hold its byline and dateline.
const NEAR_AFTER: usize = 12;
const NEAR_BEFORE: usize = 3;

/// A heading that is the page's title (`title_key` is its comparison key).
pub(crate) fn title_matches(title_key: &str, heading: &str) -> bool {
    let k = crate::normalize::key(heading);
    !k.is_empty()
        && (title_key == k
            || (k.len() >= 12 && title_key.contains(&k))
            || (title_key.len() >= 12 && k.contains(title_key)))
}

/// A `<meta>` name for the publication date: the usual ones, and any name that speaks of
/// publishing but not of a later change (`w-published-date`, `publish-date`).
fn is_published_key(k: &str) -> bool {
    matches!(
        k,
        "pubdate"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "dcterms.date"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "datepublished"
            | "citation_publication_date"
            | "citation_date"
            | "cxenseparse:recs:publishtime"
    ) || (k.contains("publish") && !k.contains("modif") && !k.contains("updat"))
}

/// The JSON-LD nodes that stand for the page or what it is about: the document (or each item of
/// a top-level array), the members of their `@graph`, and the `mainEntity` of any of these.
fn top_nodes(j: &Json) -> Vec<&Json> {
    let mut out: Vec<&Json> = Vec::new();
    for d in j.items() {
        out.push(d);
        out.extend(d.get("@graph").map(Json::items).unwrap_or_default());
    }
    let main: Vec<&Json> = out
        .iter()
        .filter_map(|n| n.get("mainEntity"))
        .flat_map(Json::items)
        .collect();
    out.extend(main);
    out
}

/// schema.org and Open Graph types of articles: `article`, `NewsArticle`, `TechArticle`,
/// `BlogPosting`, `LiveBlogPosting`, `Report` (lower-case).
pub(crate) fn is_article_type(t: &str) -> bool {
    t.ends_with("article") || t == "blogposting" || t == "liveblogposting" || t == "report"
}

/// How well a JSON-LD node stands for the page: 3 an article, 2 a web page with a headline or
/// publication date, 1 any other node with a headline, 0 none.
fn node_rank(n: &Json) -> u8 {
    let types = n.get("@type").map(Json::items).unwrap_or_default();
    let has = |t: &dyn Fn(&str) -> bool| {
        types
            .iter()
            .filter_map(Json::as_str)
            .any(|s| t(&s.to_ascii_lowercase()))
    };
    let dated = n.get("headline").is_some() || n.get("datePublished").is_some();
    if has(&is_article_type) {
        3
    } else if dated && has(&|t: &str| t.ends_with("page")) {
        2
    } else if n.get("headline").is_some() {
        1
    } else {
        0
    }
}

/// A JSON-LD node of an organisation (`Organization`, `NewsMediaOrganization`, `Corporation`,
/// `EducationalOrganization`, …).
fn is_organization(n: &Json) -> bool {
    n.get("@type")
        .map(Json::items)
        .unwrap_or_default()
        .iter()
        .filter_map(Json::as_str)
        .any(|t| {
            let t = t.to_ascii_lowercase();
            t.ends_with("organization") || t == "corporation" || t == "brand"
        })
}

/// A JSON-LD reference (`{"@id": …}` alone) resolved to the node with that `@id`, when there is
/// one among `nodes`; else the value itself.
fn resolve<'a>(v: &'a Json, nodes: &[&'a Json]) -> &'a Json {
    let Json::Obj(kv) = v else { return v };
    if kv.len() != 1 {
        return v;
    }
    let Some(id) = v.get("@id").and_then(Json::as_str) else {
        return v;
    };
    nodes
        .iter()
        .find(|n| n.get("@id").and_then(Json::as_str) == Some(id) && n.get("name").is_some())
        .copied()
        .unwrap_or(v)
}

/// A JSON-LD string with the character references some pages leave in it decoded.
fn decode(s: &str) -> String {
    crate::ingest::html::decode_char_refs(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_article_node() {
        let mut m = Meta::default();
        m.json_ld(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rain \"again\"",
            "datePublished":"2023-06-01T08:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},
            {"@type":"Person","name":"Bo Chen"}],"publisher":{"@type":"Organization","name":"The Daily"}}"#,
        );
        assert_eq!(m.ld_headline.as_deref(), Some("Rain \"again\""));
        assert_eq!(m.ld_published.as_deref(), Some("2023-06-01T08:00:00Z"));
        assert_eq!(m.ld_authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(m.ld_site_name.as_deref(), Some("The Daily"));
        assert!(m.declares_article());
    }

    #[test]
    fn json_ld_graph_with_references() {
        let mut m = Meta::default();
        m.json_ld(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","@id":"https://x.example/a#page","datePublished":"2020-01-01","name":"A page"},
              {"@type":"BlogPosting","headline":"Fog &amp; frost","datePublished":"March 3, 2024",
               "author":{"@id":"https://x.example/#/person/1"},"publisher":{"@id":"https://x.example/#org"}},
              {"@type":"Person","@id":"https://x.example/#/person/1","name":"Cleo Park"},
              {"@type":"Organization","@id":"https://x.example/#org","name":"Valley Courier"}]}"##,
        );
        assert_eq!(m.ld_headline.as_deref(), Some("Fog & frost"));
        assert_eq!(m.ld_published.as_deref(), Some("2024-03-03"));
        assert_eq!(m.ld_authors, ["Cleo Park"]);
        assert_eq!(m.ld_site_name.as_deref(), Some("Valley Courier"));
        // A later script with only a web page does not replace the article's fields.
        m.json_ld(r#"{"@type":"WebPage","headline":"Other","datePublished":"2019-01-01"}"#);
        assert_eq!(m.ld_published.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn meta_tags_for_dates() {
        let mut m = Meta::default();
        m.meta_tag("article:modified_time", "2025-02-02");
        m.meta_tag("published", "July 17, 2025");
        assert_eq!(m.meta_published.as_deref(), Some("2025-07-17"));
        assert!(is_published_key("w-published-date"));
        assert!(!is_published_key("og:updated_time"));
    }
}
