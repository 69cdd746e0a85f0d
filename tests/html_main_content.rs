//! Main-content rules of the HTML path, one page each (pages written for these tests; every
//! story, name and site is invented): the lede above the body container, a teaser misnamed as a
//! list of links, picture captions, data tables, articles cut into sections, and the markup
//! around a misnamed element.

#![allow(clippy::unwrap_used)] // a test file: failing loudly is the point

use newsclean::{clean, Article, Format, Options, Reason};

fn run(page: &str) -> Article {
    let opts = Options {
        format: Format::Html,
        facts: false,
        ..Options::default()
    };
    clean(page, &opts).unwrap()
}

fn removed_as(a: &Article, text: &str) -> Option<Reason> {
    a.removed
        .iter()
        .find(|r| r.text.contains(text))
        .map(|r| r.reason)
}

const NAV: &str = "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li>\
    <li><a href=\"/local\">Local</a></li><li><a href=\"/sport\">Sport</a></li>\
    <li><a href=\"/weather\">Weather</a></li></ul></nav></header>";

macro_rules! paras {
    () => {
        "<p>The first boat left the northern pier at seven o'clock, carrying twelve passengers, two \
    delivery vans and a crate of newspapers that had not reached the island since last spring.</p>\
    <p>The harbour board said the new timetable would run all year, with an extra crossing on \
    Fridays, and that tickets would cost the same as before the service was suspended.</p>\
    <p>Islanders who had relied on a private launch for their weekly shopping said the return of \
    the ferry would make it easier to keep the school, the surgery and the shop open.</p>"
    };
}

const BODY: &str = concat!("<div class=\"story-body\">", paras!(), "</div>");
const PARAS: &str = paras!();

const LEDE: &str = "After eleven months without a regular boat, islanders can again reach the \
    mainland every morning, the harbour board announced on Monday.";

#[test]
fn the_lede_above_a_date_and_a_share_bar_is_kept() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><div class=\"top\"><div class=\"heading-group\">\
         <h1>Ferry returns to Skerry Island</h1><p>{LEDE}</p></div>\
         <p class=\"date\">4 March 2024</p><ul class=\"share-tools\"><li><a href=\"#\">Share</a>\
         </li><li><a href=\"#\">Post</a></li><li><a href=\"#\">Email</a></li></ul></div>\
         {BODY}</article></body></html>"
    );
    let a = run(&page);
    assert!(a.text.starts_with("After eleven months"), "{}", a.text);
    assert!(a.text.contains("The first boat left"));
    assert_eq!(removed_as(&a, "Share"), Some(Reason::Share));
}

#[test]
fn a_summary_above_the_byline_belongs_to_the_header() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><header><h1>Ferry returns to Skerry Island</h1><p>{LEDE}</p>\
         <p class=\"byline\">By Ailsa Brodie</p></header><p class=\"date\">4 March 2024</p>\
         <ul class=\"share-tools\"><li><a href=\"#\">Share</a></li><li><a href=\"#\">Post</a></li>\
         </ul>{BODY}</article></body></html>"
    );
    let a = run(&page);
    assert!(a.text.starts_with("The first boat left"), "{}", a.text);
}

#[test]
fn a_teaser_without_links_is_the_article_lede() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><h1>Ferry returns to Skerry Island</h1>\
         <div class=\"article-teaser\"><p>{LEDE}</p></div>{BODY}</article>\
         <section class=\"more\"><div class=\"teaser\"><h3><a href=\"/a\">Council sells the old \
         lifeboat station to a local trust</a></h3></div><div class=\"teaser\"><h3>\
         <a href=\"/b\">Storm closes the coast road for the second time this winter</a></h3>\
         </div></section></body></html>"
    );
    let a = run(&page);
    assert!(a.text.starts_with("After eleven months"), "{}", a.text);
    assert!(!a.text.contains("lifeboat station"), "{}", a.text);
}

#[test]
fn the_bio_in_an_author_box_stays_out_when_its_inner_name_is_wrong() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><h1>Ferry returns to Skerry Island</h1><div class=\"story-body\">\
         {PARAS}<div class=\"author-box\"><h3>About the author</h3><div class=\"author-excerpt\">\
         <p>Ailsa Brodie has reported on the islands and their ferries for the paper since \
         2011, and writes a weekly column about life on the coast.</p></div></div></div>\
         </article></body></html>"
    );
    let a = run(&page);
    assert!(a.text.contains("The first boat left"), "{}", a.text);
    assert_eq!(
        removed_as(&a, "Ailsa Brodie has reported"),
        Some(Reason::Byline)
    );
}

#[test]
fn picture_captions_are_removed() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><h1>Ferry returns to Skerry Island</h1><div class=\"story-body\">\
         <p>The first boat left the northern pier at seven o'clock, carrying twelve passengers, \
         two delivery vans and a crate of newspapers that had not reached the island since \
         last spring.</p>\
         <div class=\"image\"><img src=\"ferry.jpg\" alt=\"\"><p>The ferry Morag at the northern \
         pier on Monday morning, shortly before her first crossing in eleven months.</p></div>\
         <p>The harbour board said the new timetable would run all year, with an extra crossing \
         on Fridays, and that tickets would cost the same as before the service was suspended.</p>\
         <figure><img src=\"pier.jpg\" alt=\"\"><figcaption>Passengers wait on the pier.\
         </figcaption></figure>\
         <p><img src=\"launch.jpg\" alt=\"\">Islanders who had relied on a private launch for \
         their weekly shopping said the return of the ferry would make it easier to keep the \
         school, the surgery and the shop open.</p></div></article></body></html>"
    );
    let a = run(&page);
    // A picture inside a paragraph of running text does not make the paragraph a caption.
    assert!(a.text.contains("Islanders who had relied"), "{}", a.text);
    assert_eq!(
        removed_as(&a, "The ferry Morag at the northern pier"),
        Some(Reason::Metadata)
    );
    assert_eq!(
        removed_as(&a, "Passengers wait on the pier"),
        Some(Reason::Metadata)
    );
    let kind = a
        .removed
        .iter()
        .find(|r| r.text.starts_with("The ferry Morag"))
        .map(|r| r.rule.as_str());
    assert_eq!(kind, Some("caption of a picture"));
}

#[test]
fn a_long_table_of_data_does_not_outscore_the_article() {
    let mut rows = String::new();
    for i in 0..120 {
        rows.push_str(&format!(
            "<tr><td>Harbour ward {i}</td><td>Councillor Number {i}</td>\
             <td>ward{i}@council.example</td></tr>"
        ));
    }
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <article><h1>Ferry returns to Skerry Island</h1>{BODY}\
         <div class=\"contacts\"><table>{rows}</table></div></article></body></html>"
    );
    let a = run(&page);
    assert!(a.text.contains("The first boat left"), "{}", a.text);
    assert!(a.text.contains("Islanders who had relied"), "{}", a.text);
}

#[test]
fn an_article_cut_into_sections_is_kept_whole() {
    let sections = [
        "<p>The timetable was agreed at length on Monday, and the board, after hearing from \
         residents, traders and the crew, chose a first crossing at seven in the morning.</p>\
         <p>An extra evening boat on Fridays, requested by the school, will carry pupils who \
         board on the mainland home for the weekend, at least until the summer holidays.</p>",
        "<p>Fares stay where they were before the suspension, although a return ticket for a car \
         will rise slightly, by about a pound, to pay for repairs to the old slipway.</p>\
         <p>Pensioners keep free travel, and a new card for regular commuters, sold at the post \
         office, halves the price for anyone crossing more than ten times a month.</p>",
        "<p>In winter, when gales often close the sound, the skipper decides each morning whether \
         to sail, and notices are posted on the pier, at the shop and on the radio.</p>\
         <p>The board admitted that storms last year had cancelled one crossing in five, and it \
         promised to publish how many sailings are lost, month by month, from now on.</p>",
        "<p>Freight, mostly groceries, fuel and building materials, travels on the first boat, \
         which has room for two vans, a small lorry and a dozen pallets on its open deck.</p>\
         <p>Farmers asked for space for livestock during the autumn sales, and the harbour master \
         said a trailer could be carried twice a week, if it was booked in advance.</p>",
    ];
    let body: String = sections
        .iter()
        .map(|p| {
            format!(
                "<div class=\"row\"><div class=\"col\"><div class=\"inner\"><div class=\"wrap\">\
                 <div class=\"text\">{p}</div></div></div></div></div>\
                 <div class=\"ad-slot\"><a href=\"/ads\">Advertisement</a></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island</title></head><body>{NAV}\
         <main><h1>Ferry returns to Skerry Island</h1><div class=\"sections\">{body}</div>\
         </main><footer><p>Copyright 2024 The Island Times</p></footer></body></html>"
    );
    let a = run(&page);
    for start in [
        "The timetable was agreed",
        "Fares stay where",
        "In winter, when gales",
        "Freight, mostly groceries",
        "Farmers asked for space",
    ] {
        assert!(a.text.contains(start), "{start}: {}", a.text);
    }
}

/// Sentences written for these tests, all different, so that no paragraph built from them
/// repeats another (the near-duplicate check would remove it).
const SENTENCES: [&str; 36] = [
    "The board met in the old school hall on a wet Monday evening.",
    "Residents queued outside long before the doors were opened.",
    "A fisherman asked why the winter timetable had been cut twice.",
    "Nobody on the council could remember a meeting this crowded.",
    "The chair promised written answers within a fortnight.",
    "Several traders said deliveries had arrived days late all year.",
    "A retired teacher read out a letter signed by ninety families.",
    "The harbour master explained how tides limit the crossing times.",
    "Insurance for the older vessel has nearly doubled since spring.",
    "Pupils who board on the mainland miss lessons on stormy Fridays.",
    "The doctor visits only when the boat can land at the north pier.",
    "A new slipway would cost less than repairing the current one.",
    "Engineers found cracks in the concrete beneath the waiting room.",
    "The ticket office will move into the former post office building.",
    "Campers in August often fill the deck before locals can board.",
    "A reserved lane for island cars was tried and quickly abandoned.",
    "Fuel prices, the operator said, decide most of the fare.",
    "Grants from the regional fund are promised but not yet paid.",
    "Two crew members will be trained as coastguard volunteers.",
    "Freight bookings must now be made a day in advance by phone.",
    "The café on the pier wants to open earlier for the first boat.",
    "Sheep for the autumn sales travel on a hired trailer.",
    "Older passengers asked for a covered shelter at the far end.",
    "The next public meeting is planned for the first week of June.",
    "At the lighthouse, the keeper logged his last storm in January.",
    "His father and grandfather had kept the same lamp before him.",
    "Automatic beacons replaced most keepers on the coast long ago.",
    "Visitors will be able to climb the tower on summer weekends.",
    "The trust that owns the building plans a small museum inside.",
    "Old logbooks record shipwrecks going back two hundred years.",
    "A choir sang on the rocks below during his farewell dinner.",
    "He intends to move to the mainland to be near his daughter.",
    "The lens, made in Edinburgh, will stay in place as a display.",
    "Birdwatchers hope the keeper's cottage becomes a field station.",
    "Repairs to the stone stair were finished just before winter.",
    "A book of his photographs of the sea will appear next year.",
];

/// `n` paragraphs of invented text, each three different sentences from [`SENTENCES`], starting
/// at `from`.
fn paragraphs(from: usize, n: usize) -> String {
    (0..n)
        .map(|i| {
            let s = |k: usize| SENTENCES[(from + 3 * i + k) % SENTENCES.len()];
            format!("<p>{} {} {}</p>", s(0), s(1), s(2))
        })
        .collect()
}

#[test]
fn on_a_page_of_several_stories_the_one_under_the_headline_is_the_article() {
    let page = format!(
        "<html><head><title>Ferry returns to Skerry Island | The Island Times</title></head>\
         <body>{NAV}<div class=\"stream\">\
         <article><h1>Ferry returns to Skerry Island</h1><p class=\"date\">4 March 2024</p>\
         <div class=\"story-body\">{}</div></article>\
         <article><h2>Lighthouse keeper retires after forty years</h2>\
         <p class=\"date\">3 March 2024</p><div class=\"story-body\">{}</div></article>\
         </div></body></html>",
        paragraphs(0, 5),
        paragraphs(15, 7),
    );
    let a = run(&page);
    assert!(a.text.contains(SENTENCES[0]), "{}", a.text);
    assert!(a.text.contains(SENTENCES[14]), "{}", a.text);
    assert!(!a.text.contains(SENTENCES[24]), "{}", a.text);
}
