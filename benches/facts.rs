//! Fact extraction cost: `newsclean::facts::extract_facts` on three news-like articles written for
//! this benchmark, and on the cleaned text of the articles-dev pages when `../shared/eval` is
//! present (cleaned with facts off first, outside the timed part). `articles_dev_clean_only` times
//! cleaning the same pages with facts off, so the two can be compared: facts should cost no more
//! than cleaning.
//!
//! `cargo bench --bench facts` (divan prints median times). For a per-extractor breakdown use a
//! profiler (`perf record`, see DEVELOPING.md).

// A benchmark may stop on a broken set-up.
#![allow(clippy::panic)]

use newsclean::{Cleaner, Options};

fn main() {
    divan::main();
}

/// A council budget story: people with titles, organisations, money, percentages, dates, direct
/// and reported speech.
const BUDGET: &str = "\
Harrowgate council approves £48m budget after late-night vote

Harrowgate City Council approved a £48.2m budget on Tuesday night after a debate that ran for almost six hours, with councillors voting 31 to 24 in favour of the plan put forward by the ruling Progress Alliance.

The budget raises council tax by 4.99% from April, the largest increase the town has seen since 2011, and cuts about £3.5m from spending on roads, parks and libraries over the next two years.

“Nobody on this side of the chamber wanted to bring forward a budget like this,” said Councillor Miriam Oduya, the cabinet member for finance. “We have been asked to do more with less every year for a decade, and there is simply nothing left to cut that people will not notice.”

Ms Oduya said the council faced a gap of £11.6m because of rising costs of adult social care, which now takes up 41 per cent of its spending, and a fall in grants from central government.

The leader of the opposition, Councillor David Prendergast, called the plan “a tax rise dressed up as prudence” and said residents would pay more for fewer services. His group proposed selling the former Eastfield depot and two empty office blocks on Kingsway to raise around £7m, an amendment that was defeated by nine votes.

“They have had three years to sort out the property portfolio and they have done nothing,” Mr Prendergast told the meeting. “Now they want families who are already struggling to pick up the bill.”

The Harrowgate Libraries Trust, which runs the town’s eight libraries on behalf of the council, said two branches, in Millbrook and Ashby Road, would close on Saturdays from May. Its chief executive, Helen Carraway, said the trust had hoped to avoid reductions in opening hours but could not absorb a 12% cut to its grant.

According to figures published by the council last month, the number of households waiting for social housing in the borough rose to 6,840 in December, up from 5,210 a year earlier. The council plans to spend £2.1m buying 14 homes for families in temporary accommodation, which it says costs more than £90 a night per family in hotels and bed-and-breakfasts.

The Federation of Small Businesses welcomed a freeze in parking charges in the town centre but warned that higher business rates would hit independent shops. Its regional chair, Tom Ellery, said more than 30 shops had closed on the High Street in the past 18 months.

Residents who spoke to the Harrowgate Herald outside the town hall were divided. Priya Natarajan, 38, a nurse at St Luke’s Hospital, said she understood the pressures but that an extra £95 a year would be hard to find. “Everything is going up at once,” she said.

Gerald Whitcombe, 71, a retired engineer, said he would rather pay more than see the libraries close altogether. “A library is the one place in town where you can sit down without spending money,” he said.

The budget will be formally signed off at a meeting of the full council on 27 February. A consultation on changes to bin collections, which could save a further £800,000 a year, opens next week and runs for eight weeks.

Council officers told the meeting that reserves had fallen to £9.4m, about half the level the council's own auditors recommend. If spending continued at the current rate, the finance director, Rachel Amadi, warned, the council could be forced to issue a notice banning all new spending by the summer of 2026. She said savings of at least £6m would be needed next year and that departments had been asked to draw up options for cuts of 5%, 10% and 15%.

The Green group abstained. Its leader, Councillor Owen Laidlaw, said he supported protecting libraries but could not back a budget that delayed the new cycle lanes on Station Road by another two years. “We keep promising people safer streets and then finding reasons not to build them,” he said.
";

/// A storm and flooding story: places, measures, numbers in words, times, an agency quoted.
const FLOODS: &str = "\
Thousands without power as Storm Orla brings floods to western coast

More than 40,000 homes were without electricity on Sunday morning after Storm Orla swept across the western coast overnight, bringing gusts of up to 94mph and forcing the closure of two bridges and dozens of roads.

The National Weather Service issued a red warning for wind for the coastal counties of Merrow and Kilbride until 3pm, its highest level, meaning there is a danger to life from flying debris and large waves. An amber warning for rain remains in place for much of the region until Monday.

In the port town of Carrickmore, the river Daun burst its banks shortly after 2am, flooding about 120 homes and businesses along the quay. Firefighters used boats to rescue 17 people, including a family of five who had climbed onto the roof of their car, the county fire service said.

“We have not seen water levels like this in this town for more than thirty years,” said Chief Fire Officer Sinead Mulvaney. “The crews worked through the night in very dangerous conditions, and I want to thank every one of them.”

Western Power Networks said engineers had restored supplies to 22,000 customers by 10am but warned that some rural areas could be without power for up to three days because fallen trees were blocking access to damaged lines. A spokesperson for the company said about 300 extra staff had been brought in from other regions.

Rail services between Carrickmore and the city of Ballyford were suspended after a landslip near Glenmore, and Coastal Ferries cancelled all sailings from Port Ardee. The Transport Minister, Colm Brennan, said the government would hold an emergency meeting on Monday to assess the damage.

Schools in the worst-affected areas will stay closed on Monday, the Department of Education said in a statement, and exams scheduled for the week will be moved.

Meteorologists said the storm had been fuelled by an unusually strong jet stream and by sea surface temperatures about 1.5C above the average for the time of year. Dr Anna Lindqvist, a climate scientist at the University of Ballyford, said storms of this strength were becoming more frequent. “Five of the ten deepest low-pressure systems recorded off this coast have come in the last fifteen years,” she said.

Farmers in the lowlands reported losing livestock and hay, and the Irish Farmers’ Association estimated that damage to farm buildings alone could exceed €25 million. Insurance companies said it was too early to give a figure for the total cost, but one industry body put the likely bill at between €150m and €200m.

By Sunday evening the wind had eased to 45mph and the water in Carrickmore had begun to recede, leaving streets covered in mud. Volunteers set up a centre in the parish hall to hand out food, blankets and dry clothes, and the local credit union said it would offer interest-free loans of up to €2,000 to households that had lost belongings.

The storm is the fourth named storm of the season and the first to bring a red warning since January 2022, when two people died after being struck by falling trees. Forecasters said a further band of heavy rain was expected to reach the coast on Tuesday night, with 30mm to 50mm likely on high ground, and urged people in low-lying areas to move valuables upstairs and to avoid driving through flood water.

In Kilbride, the county council opened three rest centres and said 85 people had spent the night in them. Its chief executive, Martin Greaney, said the council had handed out more than 4,000 sandbags since Friday. “People listened to the warnings, and that is why nobody was badly hurt,” he said.
";

/// A company results story: organisations with legal forms, money, percentages, quarters,
/// reported speech with according to, a quoted analyst, an ALL-CAPS headline line.
const RESULTS: &str = "\
VELTRANO SHARES JUMP AFTER PROFIT BEATS FORECASTS

Shares in Veltrano Holdings Plc rose 14% on Thursday after the logistics group reported a better than expected profit for the third quarter and raised its forecast for the full year, sending the stock to its highest level since March 2021.

The company, which runs warehouses and delivery fleets in 11 countries, said pre-tax profit rose to $412 million in the three months to the end of September, from $298 million a year earlier. Revenue grew 9.3% to $3.8 billion, helped by new contracts with online retailers in Germany and Poland and by a recovery in demand from car makers.

Analysts had expected profit of about $350 million, according to a poll of 12 brokers compiled by the company. Veltrano now expects annual operating profit of between $1.45 billion and $1.5 billion, up from a previous range of $1.3 billion to $1.4 billion.

“This was a strong quarter on almost every measure,” chief executive Martina Kowalewska told analysts on a call. “We are winning business because customers want one partner who can store, move and deliver their goods, and we have invested to be that partner.”

Ms Kowalewska said the group would spend around $600 million over the next two years on automated sorting centres, including a site near Rotterdam that will employ about 1,100 people when it opens in 2026. She said the investment would be paid for from cash flow and would not require new borrowing.

The results contrast with a profit warning in July from its rival Northgate Freight Inc, which blamed weak demand in the United States and higher fuel costs. Northgate shares have fallen by a third this year.

Jonathan Reyes, an analyst at Marlow Brothers, said Veltrano had benefited from moving early into contract logistics, where customers sign deals for five to seven years. “The market was worried about a slowdown in parcels, but parcels are now less than a quarter of what Veltrano does,” he said. He raised his price target for the stock to 1,850 pence from 1,600 pence.

Not everyone was convinced. The Transport Workers’ Union said the company’s plans for automation put hundreds of jobs at risk at older depots, and that it would ballot members at three sites in the north of England over pay. The union’s national officer, Kevin Harte, said staff had been offered a rise of 3.5%, well below inflation over the last two years.

Veltrano also said it had agreed to buy Danish cold-storage business Fjordkold A/S for 2.4 billion Danish crowns, about $350 million, subject to approval by competition authorities. The deal would add 14 temperature-controlled warehouses serving supermarkets and drug makers across Scandinavia.

The company will hold an investor day in London on 4 December, when it is expected to set out targets for 2027. The board declared an interim dividend of 18.5 cents a share, up 12% on last year.

Veltrano was formed in 1998 from the merger of two regional haulage firms and listed on the stock exchange in 2004. It now employs about 48,000 people, roughly a fifth of them in its home market, and operates a fleet of more than 9,500 lorries. Around 60% of its revenue comes from contract logistics, with the rest split between freight forwarding and parcel delivery.

Some investors have questioned the pace of expansion. Last year a group of shareholders holding about 6% of the company wrote to the board asking it to return more cash through buybacks rather than spend on acquisitions. The chairman, Sir Alan Pemberton, said at the time that the board would keep both options under review, and on Thursday the company said it would consider a buyback of up to $250 million once the Fjordkold deal closed.
";

const OWN: [(&str, &str); 3] = [("budget", BUDGET), ("floods", FLOODS), ("results", RESULTS)];

#[divan::bench(args = ["budget", "floods", "results"])]
fn own_article(bencher: divan::Bencher, name: &str) {
    let text = OWN
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| panic!("no article {name}"), |(_, t)| *t);
    let options = Options::default();
    bencher
        .counter(divan::counter::BytesCount::of_str(text))
        .bench(|| newsclean::facts::extract_facts(divan::black_box(text), &options));
}

/// The articles-dev text pages, in file-name order (empty when the data is absent).
fn dev_pages() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/articles-dev/text"
    );
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if pages.is_empty() {
        eprintln!("skipped: {dir} is absent");
    }
    pages
}

/// Cleaning alone (facts off) on every articles-dev text page: the yardstick for facts.
#[divan::bench(sample_count = 20)]
fn articles_dev_clean_only(bencher: divan::Bencher) {
    let pages = dev_pages();
    let cleaner = Cleaner::new(Options {
        facts: false,
        ..Options::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    bencher
        .counter(divan::counter::ItemsCount::new(pages.len()))
        .bench(|| {
            for p in &pages {
                let _ = cleaner.clean(divan::black_box(p));
            }
        });
}

/// Facts alone on the cleaned text of every articles-dev text page, with the language the
/// cleaner found (as `clean` passes it).
#[divan::bench(sample_count = 20)]
fn articles_dev_facts(bencher: divan::Bencher) {
    let cleaner = Cleaner::new(Options {
        facts: false,
        ..Options::default()
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let cleaned: Vec<(String, Options)> = dev_pages()
        .iter()
        .filter_map(|p| cleaner.clean(p).ok())
        .map(|a| {
            let options = Options {
                language: a.language,
                ..Options::default()
            };
            (a.text, options)
        })
        .collect();
    bencher
        .counter(divan::counter::ItemsCount::new(cleaned.len()))
        .bench(|| {
            for (text, options) in &cleaned {
                let _ = newsclean::facts::extract_facts(divan::black_box(text), options);
            }
        });
}
