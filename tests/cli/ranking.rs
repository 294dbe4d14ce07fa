//! Ranking seen from the command line: passages with all the words before
//! those with some, one hit per text even when a report is ingested in many
//! copies.

use tempfile::TempDir;

use crate::dossier;

/// Ingests `files` (name, text) into `ix` under a fresh folder.
fn indexed(files: &[(String, String)]) -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("reports");
    std::fs::create_dir(&dir).expect("mkdir");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix", "reports"])
        .assert()
        .success();
    tmp
}

fn search(tmp: &TempDir, args: &[&str]) -> (Vec<serde_json::Value>, String) {
    let run = |json: bool| {
        let mut cmd = dossier(tmp.path());
        cmd.args(["--index", "ix", "search"]).args(args);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().expect("runs");
        assert!(
            out.status.success(),
            "search {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let hits = run(true)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    (hits, run(false))
}

fn texts(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["text"].as_str().expect("text").to_string())
        .collect()
}

#[test]
fn passages_with_all_the_words_rank_before_those_with_some() {
    // The one-word paragraphs say "wells" so often that BM25 alone would put
    // them above the paragraph naming both words once, in a longer text.
    let mut report = String::from("# Water in the Sahel\n\n");
    for line in [
        "Wells, wells and more wells: the northern wells ran dry.",
        "New wells for cattle; old wells for goats; wells everywhere.",
        "Donors paid for wells, and the wells were fenced by the council.",
        "Some wells failed within a year; repairing wells cost more than digging.",
    ] {
        report.push_str(line);
        report.push_str("\n\n");
    }
    report.push_str(
        "Herders and farmers argued for months over who may use the new wells near \
         the market, and the drought of that year made every quarrel worse than before.\n\n",
    );
    let tmp = indexed(&[("water.md".to_string(), report)]);
    let (hits, human) = search(&tmp, &["wells drought", "--limit", "10"]);
    let texts = texts(&hits);
    assert_eq!(texts.len(), 5, "{texts:?}");
    assert!(texts[0].starts_with("Herders"), "{texts:?}");
    assert!(
        human.contains("of 5 matching passages (1 with all the words first)"),
        "{human}"
    );
    // A page filled by passages with every word counts only those.
    let (hits, human) = search(&tmp, &["wells drought", "--limit", "1"]);
    assert_eq!(hits.len(), 1);
    assert!(
        human.contains("1–1 of 1 passage with all the words"),
        "{human}"
    );
}

#[test]
fn a_stop_word_alone_does_not_make_a_passage_match() {
    let report = "# Notes\n\n\
        A short history of the valley and its people.\n\n\
        The famine began in the spring and lasted two years.\n\n\
        None of the herders stayed after the rains failed.\n";
    let tmp = indexed(&[("notes.md".to_string(), report.to_string())]);
    let (hits, human) = search(&tmp, &["history of famine"]);
    let mut texts = texts(&hits);
    texts.sort();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("A short history"), "{texts:?}");
    assert!(texts[1].starts_with("The famine"), "{texts:?}");
    assert!(
        human.contains("of 2 matching passages (none with all the words)"),
        "{human}"
    );
    // A query of stop words only still finds them.
    let (hits, _) = search(&tmp, &["of the"]);
    assert_eq!(hits.len(), 3);
}

#[test]
fn a_passage_under_a_heading_with_the_word_ranks_first() {
    // Two paragraphs with "ferries" once; the shorter, which BM25 alone
    // prefers, is not under a heading that has it too.
    let report = "# Transport\n\n\
        ## Roads\n\n\
        Buses and ferries stopped when fighting reached town.\n\n\
        ## Ferries\n\n\
        Ferries and buses stopped running when the fighting reached the coast.\n";
    let tmp = indexed(&[("transport.md".to_string(), report.to_string())]);
    let (hits, _) = search(&tmp, &["ferries", "--kind", "paragraph"]);
    let texts = texts(&hits);
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[0].starts_with("Ferries"), "{texts:?}");
    assert_eq!(hits[0]["section"], serde_json::json!(["Ferries"]));
}

#[test]
fn a_report_ingested_in_many_copies_still_fills_a_page_with_different_passages() {
    // 300 copies of a 12-paragraph report: 3,600 matches, 12 different texts.
    let subjects = [
        "Fishermen",
        "The army",
        "Two NGOs",
        "Local chiefs",
        "Smugglers",
        "Teachers",
        "The governor",
        "Pastoralists",
        "A militia",
        "Journalists",
        "Engineers",
        "Pilgrims",
    ];
    let actions = [
        "crossed the river at dawn with their nets",
        "patrolled the river banks after the attack on the bridge",
        "shipped rice up the river before the rains",
        "met by the river to settle a dispute over land",
        "moved fuel across the river under cover of night",
        "held classes in a tent beside the river all winter",
        "promised a dam on the river before the election",
        "watered their herds at the river during the drought",
        "taxed every boat on the river for a whole season",
        "filmed the flooded river from a rented helicopter",
        "measured the river twice a day for the survey",
        "camped along the river on their way to the shrine",
    ];
    let mut report = String::new();
    for (who, what) in subjects.iter().zip(actions) {
        report.extend([*who, " ", what, ".\n\n"]);
    }
    let files: Vec<(String, String)> = (0..300)
        .map(|i| (format!("copy-{i:03}.md"), format!("# Floods\n\n{report}")))
        .collect();
    let tmp = indexed(&files);
    let (hits, human) = search(&tmp, &["river", "--limit", "10"]);
    let mut distinct = texts(&hits);
    assert_eq!(distinct.len(), 10, "{human}");
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 10, "one hit per text: {human}");
    assert!(human.contains("of 3600 matching passages"), "{human}");
    // --duplicates keeps the copies.
    let (hits, _) = search(&tmp, &["river", "--limit", "10", "--duplicates"]);
    let mut copies = texts(&hits);
    assert_eq!(copies.len(), 10, "a full page of copies");
    copies.sort();
    copies.dedup();
    assert!(copies.len() < 10, "copies kept: {copies:?}");
}

#[test]
fn a_page_of_a_query_matching_hundreds_of_passages_is_the_top_of_its_full_ranking() {
    // 360 different passages with both words: those where they stand
    // together rank first, though the words alone score them lower.
    let subjects = [
        "Fishermen",
        "Soldiers",
        "Traders",
        "Farmers",
        "Nurses",
        "Students",
        "Priests",
        "Drivers",
        "Herders",
        "Miners",
        "Bakers",
        "Tailors",
        "Sailors",
        "Hunters",
        "Weavers",
        "Potters",
        "Guards",
        "Clerks",
        "Singers",
        "Painters",
    ];
    let actions = [
        "crossed {} at dawn with their nets and a lamp",
        "patrolled {} after the attack on the old bridge",
        "shipped rice along {} before the long rains came",
        "met beside {} to settle a dispute over grazing land",
        "moved fuel across {} under cover of a moonless night",
        "held classes in a tent beside {} all through winter",
        "asked for a dam on {} before the disputed election",
        "watered goats at {} during the third year of drought",
        "taxed each boat on {} for a whole fishing season",
        "filmed {} from a rented helicopter after the floods",
        "measured {} twice a day for a government survey",
        "camped along {} on their slow way to the shrine",
        "sold mangoes near {} to travellers heading north",
        "buried their dead above {} on a windy hill",
        "sang old songs about {} at every wedding feast",
        "drew maps of {} for a foreign mining company",
        "lost three canoes on {} in a sudden storm",
        "built a clinic close to {} with borrowed money",
    ];
    let mut files = Vec::new();
    for (i, who) in subjects.iter().enumerate() {
        let mut report = String::from("# Water\n\n");
        for (j, what) in actions.iter().enumerate() {
            // One passage in nine says "river delta", in more words than
            // the others use to name both apart.
            let place = if (i + j) % 9 == 0 {
                "the river delta and the marsh around it"
            } else {
                "the river that flows to the delta"
            };
            report.extend([*who, " ", &what.replace("{}", place), ".\n\n"]);
        }
        files.push((format!("report-{i:02}.md"), report));
    }
    let tmp = indexed(&files);
    // --duplicates: passages differing in one word are not merged.
    let (page, human) = search(&tmp, &["river delta", "--limit", "5", "--duplicates"]);
    let (all, _) = search(&tmp, &["river delta", "--limit", "400", "--duplicates"]);
    assert!(all.len() > 300, "hundreds of matches: {}", all.len());
    assert_eq!(texts(&page), texts(&all)[..5].to_vec(), "{human}");
    assert!(
        texts(&page).iter().all(|t| t.contains("river delta")),
        "the words together first: {human}"
    );
}
