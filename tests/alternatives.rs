//! `Article.alternatives`: the other runs of running text a page holds, for "Not the article?".
//! Pages written for these tests (every story and name invented), checked through the public API.

#![allow(clippy::unwrap_used)] // a test file: failing loudly is the point

use newsclean::{clean, Article, Format, Options, Reason};

fn run(page: &str, format: Format) -> Article {
    let opts = Options {
        format,
        facts: false,
        ..Options::default()
    };
    clean(page, &opts).unwrap()
}

/// The text of an alternative: its removed blocks joined as the article's text is.
fn alt_text(a: &Article, k: usize) -> String {
    a.alternatives[k]
        .removed
        .iter()
        .map(|&i| a.removed[i].text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What every report's alternatives must satisfy.
fn check_invariants(a: &Article) {
    assert!(a.alternatives.len() <= 3);
    for w in a.alternatives.windows(2) {
        assert!(w[0].words >= w[1].words, "best first");
    }
    for alt in &a.alternatives {
        assert!(!alt.removed.is_empty());
        assert!(alt.words >= 40 && alt.paragraphs >= 2);
        for pair in alt.removed.windows(2) {
            assert!(pair[0] < pair[1], "in input order");
            assert!(
                a.removed[pair[0]].span.end <= a.removed[pair[1]].span.start,
                "no overlap"
            );
        }
        for &i in &alt.removed {
            let r = &a.removed[i];
            assert!(!r.reason.is_duplicate(), "duplicates are not alternatives");
            // Consecutive in the page: no kept block sits between two of its blocks.
            let (first, last) = (a.removed[alt.removed[0]].span, r.span);
            assert!(!a
                .blocks
                .iter()
                .any(|b| b.span.start >= first.end && b.span.end <= last.start));
        }
        let prose: usize = alt
            .removed
            .iter()
            .filter(|&&i| a.removed[i].text.ends_with('.'))
            .map(|&i| a.removed[i].text.split_whitespace().count())
            .sum();
        assert!(prose > 0);
    }
}

const ARTICLE: &str = "Home\nNews\nSport\n\n\
    The harbour board voted on Monday to rebuild the old ferry pier before the summer season, after divers found cracks in three of its piles.\n\n\
    Work will start in March and should take eleven weeks, the board said, and the ferry will use the fish quay in the meantime.\n\n\
    Skippers said they were relieved that the pier would be ready for the festival boats in July.\n\n";

const COMMENTS: &str = "Comments\n\n\
    I have sailed from that pier for thirty years and the piles were already cracked when my father still fished there, so this should have been done a decade ago.\n\n\
    The fish quay is far too small for the ferry and the lorries that meet it, and nobody on the board seems to have asked the people who unload there every morning.\n\n\
    Eleven weeks sounds optimistic to me, because the last repair on the breakwater was meant to take a month and it ran on for the whole of the following winter.\n\n";

#[test]
fn reader_comments_and_the_article_are_each_others_alternative() {
    let a = run(&format!("{ARTICLE}{COMMENTS}"), Format::Text);
    check_invariants(&a);
    assert_eq!(a.alternatives.len(), 1, "{:#?}", a.alternatives);
    let alt = &a.alternatives[0];
    let text = alt_text(&a, 0);
    assert!(!alt.rule.is_empty());
    // A short article before longer reader comments: whichever part was taken, the other one is
    // offered, whole, and nothing of the part taken.
    if a.text.starts_with("The harbour board voted on Monday") {
        assert_eq!(alt.reason, Reason::Comments);
        assert_eq!(alt.paragraphs, 3);
        assert!(text.contains("I have sailed from that pier"));
        assert!(text.contains("ran on for the whole of the following winter."));
        assert!(!text.contains("harbour board voted"));
    } else {
        assert!(a.text.starts_with("I have sailed from that pier"));
        assert_eq!(alt.paragraphs, 3);
        assert!(text.starts_with("The harbour board voted on Monday"));
        assert!(text.contains("festival boats in July."));
        assert!(!text.contains("I have sailed"));
    }
    // In JSON it is camelCase, beside the other fields of the report.
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["alternatives"][0]["reason"], alt.reason.as_str());
    assert_eq!(json["alternatives"][0]["paragraphs"], 3);
    assert_eq!(
        json["alternatives"][0]["removed"].as_array().unwrap().len(),
        alt.removed.len()
    );
}

#[test]
fn comments_after_a_longer_article_are_offered_as_comments() {
    // The same comments after an article long enough to win.
    let longer = format!(
        "{ARTICLE}The pier was built in 1911 for the steamers that carried mail and passengers to the islands, and it was last rebuilt after the storm of 1953.\n\n\
         The board said it had looked at moving the ferry to the new marina instead, but the water there is too shallow at low tide for the island boat.\n\n\
         Divers will inspect the remaining piles again in January, and the board will publish their report together with the contract for the works.\n\n{COMMENTS}"
    );
    let a = run(&longer, Format::Text);
    check_invariants(&a);
    assert!(
        a.text.starts_with("The harbour board voted on Monday"),
        "{}",
        a.text
    );
    assert_eq!(a.alternatives.len(), 1, "{:#?}", a.alternatives);
    assert_eq!(a.alternatives[0].reason, Reason::Comments);
    assert!(alt_text(&a, 0).contains("I have sailed from that pier"));
}

#[test]
fn a_clean_article_has_no_alternatives() {
    // Menus and a list of headlines hold no running text.
    let page = format!(
        "{ARTICLE}You may also like\nFerry strike ends after three days\nNew lighthouse keeper named\nStorm closes the coast road\n"
    );
    let a = run(&page, Format::Text);
    check_invariants(&a);
    assert!(a.alternatives.is_empty(), "{:#?}", a.alternatives);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["alternatives"], serde_json::json!([]));
}

#[test]
fn html_sidebar_prose_is_offered_and_ranked_by_its_running_text() {
    let p = |s: &str| format!("<p>{s}</p>");
    let page = format!(
        "<!DOCTYPE html><html lang=en><head><title>Pier to be rebuilt | Harbour News</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav>\
         <main><article><h1>Pier to be rebuilt</h1>{}{}{}</article></main>\
         <aside class=\"sidebar\"><h2>From the archive</h2>{}{}</aside>\
         <footer><p>© Harbour News</p></footer></body></html>",
        p("The harbour board voted on Monday to rebuild the old ferry pier before the summer season, after divers found cracks in three of its piles."),
        p("Work will start in March and should take eleven weeks, the board said, and the ferry will use the fish quay in the meantime."),
        p("Skippers said they were relieved that the pier would be ready for the festival boats in July, when the town expects its busiest season."),
        p("Forty years ago this month, the first car ferry tied up at the new pier, and half the town came down to the harbour to watch it arrive from the island."),
        p("The mayor of the day cut a ribbon strung between two bollards, and the ferry's captain was given the freedom of the harbour for the rest of his life."),
    );
    let a = run(&page, Format::Html);
    assert!(a.text.contains("The harbour board voted on Monday"));
    check_invariants(&a);
    let found = (0..a.alternatives.len()).find(|&k| alt_text(&a, k).contains("Forty years ago"));
    if let Some(k) = found {
        let text = alt_text(&a, k);
        assert!(text.contains("freedom of the harbour"));
        assert!(!text.contains("harbour board voted"));
    } else {
        // The main-content rules may take the sidebar's prose into the article; then it is in
        // the text and there is nothing to offer.
        assert!(
            a.text.contains("Forty years ago this month"),
            "{:#?}",
            a.removed
        );
    }
}

#[test]
fn at_most_three_alternatives_best_first() {
    // Four comment threads of different lengths, each after its own "Comments" line; every
    // comment different (word pools, so no 4-gram repeats: they are not near-duplicates).
    const NAMES: [&str; 14] = [
        "Ada", "Bram", "Cora", "Dag", "Edda", "Finn", "Gro", "Hal", "Ines", "Jon", "Kari", "Lars",
        "Mia", "Nils",
    ];
    const THINGS: [&str; 14] = [
        "crane",
        "slipway",
        "ticket office",
        "car park",
        "fuel dock",
        "net loft",
        "bus stop",
        "lifeboat shed",
        "fish market",
        "bridge",
        "ramp",
        "warehouse",
        "cafe",
        "boatyard",
    ];
    const MONTHS: [&str; 14] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "spring",
        "autumn",
    ];
    let comment = |j: usize| {
        let k = (j + 5) % 14;
        format!(
            "{} said the {} by the water was older than {} thought, and that it had flooded in {}. \
             Her neighbour {} believes the {} should be moved before {} comes round again.\n\n",
            NAMES[j], THINGS[j], NAMES[k], MONTHS[j], NAMES[(j + 3) % 14], THINGS[k], MONTHS[k]
        )
    };
    // Inside the article, four boxes the markup names as boilerplate, each between two kept
    // paragraphs, so four runs: the three with the most running text are offered.
    let kept = [
        "The harbour board voted on Monday to rebuild the old ferry pier before the summer season, after divers found cracks in three of its piles.",
        "Work will start in March and should take eleven weeks, the board said, and the ferry will use the fish quay in the meantime.",
        "Skippers said they were relieved that the pier would be ready for the festival boats in July, when the town expects its busiest season.",
        "The board will publish the contract on its website next week, together with the divers' report and the drawings of the new pier.",
        "A public meeting about the works is planned for the first Thursday of February in the town hall, the chairman said on Monday.",
    ];
    let mut body = format!("<p>{}</p>", kept[0]);
    let mut j = 0;
    for (box_i, (n, class)) in [
        (2, "newsletter"),
        (5, "comments"),
        (3, "advertisement"),
        (4, "sponsor"),
    ]
    .into_iter()
    .enumerate()
    {
        body.push_str(&format!("<div class=\"{class}\">"));
        for _ in 0..n {
            body.push_str(&format!("<p>{}</p>", comment(j).trim()));
            j += 1;
        }
        body.push_str("</div>");
        body.push_str(&format!("<p>{}</p>", kept[box_i + 1]));
    }
    let page = format!(
        "<!DOCTYPE html><html lang=en><head><title>Pier</title></head><body><main><article><h1>Pier to be rebuilt</h1>{body}</article></main></body></html>"
    );
    let a = run(&page, Format::Html);
    check_invariants(&a);
    assert!(
        a.text.contains(kept[0]) && a.text.contains(kept[4]),
        "{}",
        a.text
    );
    assert_eq!(a.alternatives.len(), 3, "{:#?}", a.alternatives);
    let paras: Vec<usize> = a.alternatives.iter().map(|x| x.paragraphs).collect();
    assert_eq!(
        paras,
        [5, 4, 3],
        "{:#?}",
        a.removed
            .iter()
            .map(|r| (r.reason, &r.text))
            .collect::<Vec<_>>()
    );
}

#[test]
fn invariants_hold_on_every_fixture() {
    for dir in ["tests/fixtures", "tests/html-fixtures"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let d = e.unwrap().path();
            for (name, format) in [("input.txt", Format::Text), ("input.html", Format::Html)] {
                let f = d.join(name);
                if let Ok(bytes) = std::fs::read(&f) {
                    let opts = Options {
                        format,
                        facts: false,
                        ..Options::default()
                    };
                    let a = newsclean::clean_bytes(&bytes, &opts).unwrap();
                    check_invariants(&a);
                }
            }
        }
    }
}
