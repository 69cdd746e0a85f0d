//! Headline, authors and publication date of HTML pages, one page per rule (pages written for
//! these tests; every story, name and site is invented).

#![allow(clippy::unwrap_used)] // a test file: failing loudly is the point

use newsclean::{clean, Article, Format, Options, Reason};

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
