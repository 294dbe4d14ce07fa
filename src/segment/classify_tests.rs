//! Tables of cases for the block classifier.
use super::*;

#[test]
fn chrome() {
    let yes = [
        "icon caret Arrow Down Arrow Left Arrow Right Arrow Up Line Camera icon set Facebook Twitter Whatsapp Youtube",
        "  • Share",
        "• Download PDF Full Report",
        "Print",
        "Soldiers patrol a market in Gao, Mali, on 3 May 2021. JANE DOE / AFP",
        "Villagers gather near Kidal, 2019. CRISIS GROUP / John Smith",
        "A court in Izmir, Turkey Ali Veli Anadolu Agency via AFP",
        "PHOTO: Jane Doe",
        "Photograph credit: Crisis Group",
        "[Notice: links to foreign sites are marked with an asterisk.]",
        "T: +31 (0)70 763 0050",
        "E: info@example.org",
        "Source: Crisis Group",
    ];
    for t in yes {
        assert!(is_chrome(t), "should be chrome: {t}");
    }
    let no = [
        "Save the Children said the camps were full.",
        "The share of returnees in prison is small.",
        "The Malian government and the jihadists should work to overcome suspicions.",
        "Prisons and Radicalisation",
        "Congress of the party met in Kidal to elect a leader.",
        "[JNIM] insurgents seem aware that violent enforcement might aggravate frictions.",
        "He said [a] sense of cause mattered.",
        "Source: Reuters [119]",
        "Sources: the ministry said that detainees were moved to the capital in May, then released.",
    ];
    for t in no {
        assert!(!is_chrome(t), "should not be chrome: {t}");
    }
}

#[test]
fn metadata_lines() {
    assert_eq!(
        series("Report 258 / Europe & Central Asia"),
        Some(("Report 258 / Europe & Central Asia".into(), "258".into()))
    );
    assert_eq!(
        series("Briefing N°149 / Africa").map(|s| s.1),
        Some("149".into())
    );
    assert_eq!(series("Report on Mali / 2020"), None);
    assert_eq!(
        date_line("Istanbul/Ankara/Brussels, 29 June 2020"),
        Some((
            Some("Istanbul/Ankara/Brussels".into()),
            "29 June 2020".into()
        ))
    );
    assert_eq!(
        date_line("December 01, 2020"),
        Some((None, "December 01, 2020".into()))
    );
    assert_eq!(date_line("4 May 2020"), Some((None, "4 May 2020".into())));
    assert_eq!(date_line("On 4 May 2020 the army left."), None);
    // Month names and abbreviations come from the dates lexicon.
    for line in [
        "Sept. 3, 2021",
        "Sep 3, 2021",
        "3 Feb. 2021",
        "Jun 30, 2019",
    ] {
        assert_eq!(date_line(line), Some((None, line.into())), "{line}");
    }
    for not_a_date in ["Sunday 3, 2021", "3 Mayo 2021", "Septe 3, 2021"] {
        assert_eq!(date_line(not_a_date), None, "{not_a_date}");
    }
    let d = jiff::civil::date;
    assert_eq!(
        date_of_line("Bamako/Dakar/Brussels, 10 December 2021"),
        Some(d(2021, 12, 10))
    );
    assert_eq!(date_of_line("December 01, 2020"), Some(d(2020, 12, 1)));
    assert_eq!(date_of_line("January 13th 2020"), Some(d(2020, 1, 13)));
    assert_eq!(
        date_of_line("4 Sept 2019"),
        None,
        "abbreviations jiff does not know are not guessed"
    );
    assert_eq!(
        authors("Authors: Jane Roe and John Doe"),
        Some(vec!["Jane Roe".into(), "John Doe".into()])
    );
    assert_eq!(
        authors("By Ann Lee, Bo Chan and Cy Diaz"),
        Some(vec!["Ann Lee".into(), "Bo Chan".into(), "Cy Diaz".into()])
    );
    assert_eq!(authors("By 2020 the war had spread."), None);
    assert_eq!(
        contributor("Contributor: Omar Khan"),
        Some("Omar Khan".into())
    );
}

#[test]
fn captions_and_events() {
    assert!(is_caption("Figure 4 Ethnic Group of Prisoners"));
    assert!(is_caption("Map of Armed Group Presence per Region."));
    assert!(is_caption("Table 2: Attacks by year"));
    assert!(!is_caption("Figures released by the ministry show a rise."));
    assert!(!is_caption("Mapping the networks is hard."));
    assert!(is_bare_caption_label("Figure 12"));
    assert!(!is_bare_caption_label("Figure 12 Roles"));
    let headers = [
        (
            "August 11, 2020: Gunmen attack a post.",
            Some("August 11, 2020"),
        ),
        (
            "March 25, 2020 - March 27, 2020: A candidate is held.",
            Some("March 25, 2020 - March 27, 2020"),
        ),
        (
            "May 2012 - July 2012: Shrines are destroyed.",
            Some("May 2012 - July 2012"),
        ),
        ("December 2009: Tourists are taken.", Some("December 2009")),
        ("On August 11, 2020, gunmen attacked.", None),
        ("Sources: Reuters", None),
    ];
    for (text, expected) in headers {
        assert_eq!(event_header(text), expected, "{text}");
    }
}

#[test]
fn titles() {
    for yes in [
        "Mali: Enabling Dialogue with the Jihadist Coalition JNIM",
        "PREVENTION GRANTS",
    ] {
        assert!(could_be_title(yes), "{yes}");
    }
    for no in [
        "layout: post",
        "{{Infobox militant organization",
        "<center>Findings</center>",
        "",
        "Line one\nline two",
        "Name | Value",
    ] {
        assert!(!could_be_title(no), "{no}");
    }
}

#[test]
fn headings() {
    let yes = [
        "I. Introduction",
        "A.Down but Not Out",
        "1. Going to trial",
        "Executive Summary",
        "How does the Prison System work?",
        "Introduction: Reaching the tipping point? Terrorism in the Sahel",
        "What’s happening:",
        "Appendix A: List of Attacks and Corresponding Court Cases",
    ];
    for t in yes {
        assert!(looks_like_heading(t), "heading: {t}");
    }
    let no = [
        "The list is available here.",
        "Key Takeaway: Large-scale prisoner releases will invigorate the movement at a time of expansion.",
        "Militants often strive to provide services to locals.",
        "recommendations that exceptionalise the phenomenon",
        "T",
        "2,000",
        "Key Takeaway: releases and escapes will invigorate it:",
        // A sentence that cites ends with its full stop all the same.
        "By 2019 it held several districts.[2]",
        "The group is led by a former teacher.[5][6]",
        "Its leader was killed in 2020.¹²",
        "Its leader was killed in a strike.12",
    ];
    for t in no {
        assert!(!looks_like_heading(t), "not a heading: {t}");
    }
    assert_eq!(
        numbered_heading("I.Introduction"),
        Some((1, "I. Introduction".into()))
    );
    assert_eq!(
        numbered_heading("IV.Plugging the Gaps"),
        Some((1, "IV. Plugging the Gaps".into()))
    );
    assert_eq!(
        numbered_heading("C.A Fluid Scene"),
        Some((2, "C. A Fluid Scene".into()))
    );
    assert_eq!(
        numbered_heading("2. The gender dimension"),
        Some((3, "2. The gender dimension".into()))
    );
    // Decimal numberings keep their dots and nest by depth.
    let decimal = [
        ("4.1 Early Years", Some((4, "4.1 Early Years"))),
        ("4.1. Early Years", Some((4, "4.1 Early Years"))),
        ("12.10 Later", Some((4, "12.10 Later"))),
        ("2.3.1  Funding", Some((5, "2.3.1 Funding"))),
        ("1.2.3.4.5 Deep", Some((6, "1.2.3.4.5 Deep"))),
        ("3.Methods", Some((3, "3. Methods"))),
    ];
    for (text, want) in decimal {
        let want = want.map(|(l, t)| (l, t.to_string()));
        assert_eq!(numbered_heading(text), want, "{text}");
    }
    assert_eq!(numbered_heading("Executive Summary"), None);
    assert_eq!(numbered_heading("U.S. Objectives"), None);
}

#[test]
fn sentence_ends() {
    for t in [
        "It ended.",
        "He said “no.”",
        "(It was over.)",
        "Why?",
        "a list:",
        "It ended. (Sources: CNN, BBC)",
        "in Türkiye.12",
        "“as soon as possible be removed”.111",
    ] {
        assert!(ends_sentence(t), "{t}");
    }
    for t in [
        "among others, rival",
        "based on input f",
        "the 1990s and",
        "Another 11 (37%)",
        "the number rose in 2019",
        "a total of 1,200",
    ] {
        assert!(!ends_sentence(t), "{t}");
    }
}
