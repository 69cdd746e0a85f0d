//! What an HTML page says about itself — headline, authors, publication date — and what kind of
//! page it is ("is this an article?"), one page per rule (pages written for these tests; every
//! story, shop, forum, product, name and site is invented).

#![allow(clippy::unwrap_used)] // a test file: failing loudly is the point

use newsclean::{clean, Article, Format, Options, PageType, Reason};

fn run_at(page: &str, url: Option<&str>) -> Article {
    let opts = Options {
        format: Format::Html,
        facts: false,
        url: url.map(str::to_string),
        ..Options::default()
    };
    clean(page, &opts).unwrap()
}

fn run(page: &str) -> Article {
    run_at(page, None)
}

const BODY: &str = "<div class=\"entry-content\">\
    <p>The old mill on the river will become a library and a small cinema, the town council \
    decided on Tuesday evening after a debate that lasted almost four hours.</p>\
    <p>Work on the roof is to start in the spring, and the first books should be on the shelves \
    before the end of next year, according to the plans the council approved.</p>\
    <p>Residents who had campaigned to save the building said they were delighted, while others \
    asked how the town would pay for the heating of such a large space in winter.</p></div>";

fn page(head: &str, top: &str, foot: &str) -> String {
    format!(
        "<html><head>{head}</head><body><header class=\"site\"><a href=\"/\">Home</a> \
         <a href=\"/news\">News</a></header><main><article>{top}{BODY}{foot}</article></main>\
         </body></html>"
    )
}

#[test]
fn the_headline_is_the_h1_as_shown_without_the_site_name() {
    let p = page(
        "<title>Old mill to become a library | Riverside Gazette</title>\
         <meta property=\"og:title\" content=\"Old mill to become a library | Riverside Gazette\">\
         <meta property=\"og:site_name\" content=\"Riverside Gazette\">",
        "<h1>Old Mill to Become a Library</h1>",
        "",
    );
    let a = run(&p);
    assert_eq!(a.title.as_deref(), Some("Old Mill to Become a Library"));
    // The headline block is reported as the title, not kept in the text.
    assert!(a
        .removed
        .iter()
        .any(|r| r.reason == Reason::Title && r.text == "Old Mill to Become a Library"));
}

#[test]
fn a_reworded_h1_is_the_headline_as_the_page_shows_it() {
    let p = page(
        "<meta property=\"og:title\" content=\"Council votes to turn the old mill into a library\">",
        "<h1>The old mill will become the town's new library</h1>",
        "",
    );
    assert_eq!(
        run(&p).title.as_deref(),
        Some("The old mill will become the town's new library")
    );
}

#[test]
fn an_h1_that_is_a_logo_or_section_is_no_headline() {
    let p = page(
        "<title>Riverside Gazette - Old mill to become a library</title>\
         <link rel=\"canonical\" href=\"https://www.riverside-gazette.example/news/old-mill\">",
        "<h1>Riverside Notebook</h1>",
        "",
    );
    assert_eq!(
        run(&p).title.as_deref(),
        Some("Old mill to become a library")
    );
}

#[test]
fn an_h1_with_the_site_name_after_a_dash_gives_way_to_the_head_title() {
    let p = page(
        "<meta property=\"og:title\" content=\"Old mill to become a library\">",
        "<h1>Old mill to become a library – Riverside Gazette</h1>",
        "",
    );
    assert_eq!(
        run(&p).title.as_deref(),
        Some("Old mill to become a library")
    );
}

#[test]
fn json_ld_authors_are_found_through_graph_references() {
    let p = page(
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[\
         {\"@type\":\"NewsArticle\",\"headline\":\"Old mill to become a library\",\
          \"datePublished\":\"2024-04-02T18:00:00+01:00\",\
          \"author\":[{\"@id\":\"https://g.example/#/person/7\"}]},\
         {\"@type\":\"Person\",\"@id\":\"https://g.example/#/person/7\",\"name\":\"Mara Quell\"}]}\
         </script>",
        "<h1>Old mill to become a library</h1>",
        "",
    );
    let a = run(&p);
    assert_eq!(a.byline, ["Mara Quell"]);
    assert_eq!(a.published.as_deref(), Some("2024-04-02T18:00:00+01:00"));
}

#[test]
fn a_visible_byline_loses_its_label_roles_and_credentials() {
    let p = page(
        "<title>Old mill to become a library</title>",
        "<h1>Old mill to become a library</h1>\
         <p class=\"byline\">By Tova Rink, MS, RD and Ilan Brede, Staff Writer</p>",
        "",
    );
    assert_eq!(run(&p).byline, ["Tova Rink", "Ilan Brede"]);
}

#[test]
fn a_label_alone_is_followed_by_the_names() {
    let p = page(
        "<title>Old mill to become a library</title>",
        "<h1>Old mill to become a library</h1><div><span>WRITTEN BY</span></div>\
         <div><span>Oskar Lund</span></div>",
        "",
    );
    assert_eq!(run(&p).byline, ["Oskar Lund"]);
}

#[test]
fn the_dateline_under_the_headline_comes_before_the_head_s_dates() {
    let p = page(
        "<title>Old mill to become a library</title>\
         <meta property=\"article:published_time\" content=\"2024-03-30T08:00:00Z\">",
        "<h1>Old mill to become a library</h1><p class=\"meta\">April 2, 2024</p>",
        "",
    );
    assert_eq!(run(&p).published.as_deref(), Some("2024-04-02"));
}

#[test]
fn an_update_s_date_comes_after_the_publication_date() {
    let p = page(
        "<title>Old mill to become a library</title>\
         <meta property=\"article:published_time\" content=\"2024-03-30T08:00:00Z\">",
        "<h1>Old mill to become a library</h1><p class=\"meta\">Updated 04/12/2024</p>",
        "",
    );
    assert_eq!(run(&p).published.as_deref(), Some("2024-03-30T08:00:00Z"));
    // With nothing else, the update's date (month / day / year) is the page's date.
    let p = page(
        "<title>Old mill to become a library</title>",
        "<h1>Old mill to become a library</h1><p class=\"meta\">Updated 04/12/2024</p>",
        "",
    );
    assert_eq!(run(&p).published.as_deref(), Some("2024-04-12"));
}

#[test]
fn teasers_of_other_stories_do_not_date_the_page() {
    let p = page(
        "<title>Old mill to become a library</title>",
        "<h1>Old mill to become a library</h1>\
         <ul class=\"popular\"><li><a href=\"/a\">Bridge repairs to close the high street \
         for a week</a> March 1, 2024</li></ul>",
        "<p class=\"stamp\">Published</p><p>2 April 2024</p>",
    );
    assert_eq!(run(&p).published.as_deref(), Some("2024-04-02"));
}

#[test]
fn the_url_dates_a_page_that_states_no_date() {
    let p = page(
        "<title>Old mill to become a library</title>",
        "<h1>Old mill to become a library</h1>",
        "",
    );
    let a = run_at(
        &p,
        Some("https://riverside.example/2024/04/02/old-mill-library/"),
    );
    assert_eq!(a.published.as_deref(), Some("2024-04-02"));
    assert_eq!(run(&p).published, None);
}

#[test]
fn an_organisation_as_author_gives_way_to_the_byline_s_people() {
    let p = page(
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\
         \"headline\":\"Old mill to become a library\",\
         \"author\":{\"@type\":\"Organization\",\"name\":\"Riverside Gazette\"}}</script>",
        "<h1>Old mill to become a library</h1>\
         <p>Posted by Hanna Vik 12 Comments</p>",
        "",
    );
    assert_eq!(run(&p).byline, ["Hanna Vik"]);
    // Without a byline the organisation stands.
    let p = page(
        "<script type=\"application/ld+json\">{\"@type\":\"Article\",\
         \"headline\":\"Old mill to become a library\",\
         \"author\":{\"@type\":\"Organization\",\"name\":\"Riverside Gazette\"}}</script>",
        "<h1>Old mill to become a library</h1>",
        "",
    );
    assert_eq!(run(&p).byline, ["Riverside Gazette"]);
}

#[test]
fn the_caller_s_url_helps_strip_the_site_name() {
    let p = page(
        "<title>Old mill to become a library | Arts and Culture | Riverside Town Gazette</title>",
        "",
        "",
    );
    let a = run_at(
        &p,
        Some("https://www.riversidetowngazette.example/arts/old-mill"),
    );
    assert_eq!(a.title.as_deref(), Some("Old mill to become a library"));
    // Without it, one short tail goes and the section stays.
    assert_eq!(
        run(&p).title.as_deref(),
        Some("Old mill to become a library | Arts and Culture")
    );
}

// "Is this an article?"

const PROSE: &str = "<p>The kettle boils a litre of water in under three minutes, and its handle \
    stays cool enough to hold while it does, which matters more than the colour of its lid.</p>\
    <p>We tried it every morning for a month, with hard and soft water, and the filter caught the \
    scale each time without needing more than a rinse under the tap at the end of the week.</p>\
    <p>Its base is wide and heavy, so it did not tip when a cat walked past it on the counter, \
    and the light that shows it is on can be seen from across the room in daylight.</p>";

fn plain_page(head: &str, body: &str) -> String {
    format!("<html><head>{head}</head><body><main>{body}</main></body></html>")
}

fn kind(a: &Article) -> PageType {
    assert_eq!(a.is_article, a.page_type == PageType::Article);
    assert_eq!(a.is_article, a.not_article_reason.is_none());
    a.page_type
}

#[test]
fn an_article_is_an_article() {
    let p = plain_page(
        "<title>A week with the Tallow kettle</title>",
        &format!("<article><h1>A week with the Tallow kettle</h1>{PROSE}</article>"),
    );
    let a = run_at(&p, Some("https://kitchen.example/reviews/tallow-kettle"));
    assert_eq!(kind(&a), PageType::Article);
}

#[test]
fn a_declared_product_is_a_product() {
    let p = plain_page(
        "<title>Tallow kettle</title><script type=\"application/ld+json\">{\"@type\":\
         \"Product\",\"name\":\"Tallow kettle\",\"offers\":{\"@type\":\"Offer\",\"price\":\"39\"}}\
         </script>",
        &format!("<h1>Tallow kettle</h1>{PROSE}"),
    );
    let a = run_at(&p, None);
    assert_eq!(kind(&a), PageType::Product);
    assert!(a.not_article_reason.unwrap().contains("declares"));
    // The same page declared as a review article stays an article.
    let p = p
        .replace(
            "\"@type\":\"Product\"",
            "\"@type\":\"Review\",\"x\":{\"@type\":\"Product\"}",
        )
        .replace(
            "<title>",
            "<meta property=\"og:type\" content=\"article\"><title>",
        );
    assert_eq!(kind(&run_at(&p, None)), PageType::Article);
}

#[test]
fn the_address_names_forums_documentation_and_products() {
    let p = plain_page(
        "<title>Kettle scale</title>",
        &format!("<h1>Kettle scale</h1>{PROSE}"),
    );
    for (url, want) in [
        (
            "https://talk.example/threads/kettle-scale.4410/",
            PageType::Forum,
        ),
        (
            "https://docs.kettle.example/cleaning/descale",
            PageType::Documentation,
        ),
        (
            "https://shop.example/products/tallow-kettle",
            PageType::Product,
        ),
        (
            "https://shop.example/collections/kettles/tallow",
            PageType::Collection,
        ),
        ("https://kettle.example/", PageType::Service),
        // Folders that name articles win over the rest.
        (
            "https://shop.example/blog/products/tallow-kettle",
            PageType::Article,
        ),
        (
            "https://kettle.example/2024/05/descaling",
            PageType::Article,
        ),
        ("https://kettle.example/descaling", PageType::Article),
    ] {
        assert_eq!(kind(&run_at(&p, Some(url))), want, "{url}");
    }
    // A home page that names its author and date is a post.
    let dated = plain_page(
        "<title>Kettle scale</title><meta name=\"author\" content=\"Ines Moreau\">\
         <meta property=\"article:published_time\" content=\"2024-05-02\">",
        &format!("<h1>Kettle scale</h1>{PROSE}"),
    );
    assert_eq!(
        kind(&run_at(&dated, Some("https://kettle.example/"))),
        PageType::Article
    );
}

#[test]
fn more_prices_than_paragraphs_is_a_shop_s_category() {
    let cards: String = (1..=10)
        .map(|i| format!("<li><a href=\"/k{i}\">Kettle model {i}</a><span>${i}9.00</span></li>"))
        .collect();
    let p = plain_page(
        "<title>Kettles</title>",
        &format!("<h1>Kettles</h1>{PROSE}<ul>{cards}</ul>"),
    );
    let a = run_at(&p, None);
    assert_eq!(kind(&a), PageType::Collection, "{:?}", a.not_article_reason);
    // With an author, it is an article about kettles.
    let signed = p.replace(
        "<title>",
        "<meta name=\"author\" content=\"Ines Moreau\"><title>",
    );
    assert_eq!(kind(&run_at(&signed, None)), PageType::Article);
}

fn ld_page(json: &str) -> String {
    plain_page(
        &format!(
            "<title>Kettle school</title><script type=\"application/ld+json\">{json}</script>"
        ),
        &format!("<h1>Kettle school</h1>{PROSE}"),
    )
}

#[test]
fn only_what_the_page_itself_declares_names_its_kind() {
    // An offer inside a course is not the page being a product.
    let course = ld_page(
        "{\"@type\":\"Course\",\"name\":\"Descaling\",\"offers\":{\"@type\":\"Offer\",\
         \"price\":\"20\"}}",
    );
    assert_eq!(kind(&run_at(&course, None)), PageType::Article);
    // A product as the page's main entity, or in its graph, is.
    for json in [
        "{\"@type\":\"ItemPage\",\"mainEntity\":{\"@type\":\"Product\",\"name\":\"Kettle\"}}",
        "{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"Product\",\"name\":\"Kettle\"}]}",
    ] {
        assert_eq!(
            kind(&run_at(&ld_page(json), None)),
            PageType::Product,
            "{json}"
        );
    }
}

#[test]
fn a_declared_service_or_software_is_a_service_page() {
    for t in ["SoftwareApplication", "Service"] {
        let p = ld_page(&format!(
            "{{\"@type\":\"{t}\",\"name\":\"Kettle planner\",\"offers\":{{\"@type\":\"Offer\"}}}}"
        ));
        let a = run_at(&p, None);
        assert_eq!(kind(&a), PageType::Service, "{t}");
        assert!(a
            .not_article_reason
            .unwrap_or_default()
            .contains("declares"));
    }
}

#[test]
fn a_few_words_are_no_article_even_when_declared() {
    let p = plain_page(
        "<meta property=\"og:type\" content=\"article\"><title>Kettles</title>",
        "<h1>Kettles</h1><p>Browse our range.</p>",
    );
    assert_eq!(kind(&run_at(&p, None)), PageType::Unknown);
}

// Plain text (a page's innerText).

fn run_text(page: &str) -> Article {
    let opts = Options {
        format: Format::Text,
        facts: false,
        ..Options::default()
    };
    clean(page, &opts).unwrap()
}

const TEXT_BODY: &str = "The old mill on the river will become a library and a small cinema, the \
    town council decided on Tuesday evening after a debate that lasted almost four hours.\n\n\
    Work on the roof is to start in the spring, and the first books should be on the shelves \
    before the end of next year, according to the plans the council approved.\n\n\
    Residents who had campaigned to save the building said they were delighted, while others \
    asked how the town would pay for the heating of such a large space in winter.\n";

#[test]
fn plain_text_gives_its_byline_and_dateline() {
    let page = format!(
        "Home\nNews\nSport\n\nOld mill to become a library\n\nBy Mara Quell and Ilan Brede\n\
         Updated: 3 April 2024\nPublished 2 April 2024\n\n{TEXT_BODY}"
    );
    let a = run_text(&page);
    assert_eq!(a.byline, ["Mara Quell", "Ilan Brede"]);
    assert_eq!(a.published.as_deref(), Some("2024-04-02"));
}

#[test]
fn plain_text_names_beside_a_date_are_the_byline() {
    let page = format!(
        "Home\nNews\n\nOld mill to become a library\n\nMara Quell\nApril 2, 2024\n\n{TEXT_BODY}"
    );
    let a = run_text(&page);
    assert_eq!(a.byline, ["Mara Quell"]);
    assert_eq!(a.published.as_deref(), Some("2024-04-02"));
    // A date far below the article still dates it when nothing nearer does.
    let page = format!("Old mill to become a library\n\n{TEXT_BODY}\n\nShare\n\nApril 2, 2024\n");
    assert_eq!(run_text(&page).published.as_deref(), Some("2024-04-02"));
    assert!(run_text(&page).byline.is_empty());
}

#[test]
fn plain_text_headline_is_no_table_row() {
    let page = format!(
        "Home\nNews\n\nOld mill to become a library\n\nFloor\tRooms\tOpening\n\n{TEXT_BODY}"
    );
    let a = run_text(&page);
    assert_eq!(a.title.as_deref(), Some("Old mill to become a library"));
}
