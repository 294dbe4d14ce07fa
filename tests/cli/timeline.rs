//! `dossier timeline`: dated passages in date order, restricted by date filters.

use crate::Shared;

fn entries(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["timeline", "--json", "--limit", "10000"];
    all.extend_from_slice(args);
    Shared::get().json_lines(&all)
}

#[test]
fn entries_come_in_date_order_with_the_sentence_naming_the_date() {
    let all = entries(&[]);
    assert!(all.len() > 200, "{}", all.len());
    let starts: Vec<&str> = all
        .iter()
        .map(|e| e["start"].as_str().expect("start"))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "date order");
    for e in &all {
        assert!(!e["sentence"].as_str().expect("sentence").is_empty());
        assert_ne!(
            e["kind"], "footnote",
            "footnote dates are sources' dates, left out by default"
        );
    }
}

#[test]
fn a_date_range_keeps_only_the_dates_inside_it() {
    let inside = entries(&["--from", "2019-06", "--to", "2019-07"]);
    assert!(!inside.is_empty());
    for e in &inside {
        let (start, end) = (
            e["start"].as_str().expect("s"),
            e["end"].as_str().expect("e"),
        );
        assert!(start <= "2019-07-31" && end >= "2019-06-01", "{e}");
    }
}

#[test]
fn timeline_items_are_events_dated_by_their_header() {
    let events = entries(&["--doc", "cep-mali", "--kind", "event", "--year", "2020"]);
    assert!(events.len() >= 20, "{}", events.len());
    let headed = events
        .iter()
        .filter(|e| {
            assert_eq!(e["kind"], "event");
            // The header opens the event's text: `Month D, 2020: …`.
            let sentence = e["sentence"].as_str().expect("sentence");
            sentence
                .split(':')
                .next()
                .is_some_and(|h| h.ends_with("2020"))
        })
        .count();
    assert!(headed >= 20, "{headed} entries dated by their header");
}

#[test]
fn human_output_shows_dates_and_citations() {
    let out = Shared::get().stdout(&["timeline", "--doc", "crisisgroup-258", "--limit", "3"]);
    // Each entry: the date column, then the citation, the location with the
    // id (wrapped to the width, the id never cut).
    let located = out.matches("crisisgroup-258/").count();
    assert_eq!(located, 3, "three entries located: {out}");
    let last = out.lines().last().expect("a count line");
    let total = last
        .strip_prefix("1–3 of ")
        .and_then(|rest| rest.strip_suffix(" dated entries"))
        .unwrap_or_else(|| panic!("a count line `1–3 of N dated entries`: {out}"));
    assert!(total.parse::<usize>().is_ok_and(|n| n > 3), "{last}");
}
