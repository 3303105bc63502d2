//! News cases from issue 3, as literal expectations.

use copydesk_sentences::{split_sentences, Sentence, SentenceSplitter};

fn parts(text: &str) -> Vec<&str> {
    split_sentences(text).iter().map(|s| s.text(text)).collect()
}

#[track_caller]
fn check(text: &str, want: &[&str]) {
    assert_eq!(parts(text), want, "text: {text:?}");
}

#[test]
fn titles_before_names() {
    check(
        "Mr Tillerson met Sen. Rubio and Gov. Brown. Gen. Mattis was not there.",
        &[
            "Mr Tillerson met Sen. Rubio and Gov. Brown.",
            "Gen. Mattis was not there.",
        ],
    );
    check(
        "Talks with Dr. Smith and Mrs. Jones ended. Prof. Lee left.",
        &[
            "Talks with Dr. Smith and Mrs. Jones ended.",
            "Prof. Lee left.",
        ],
    );
}

#[test]
fn us_in_the_middle_and_at_the_end() {
    check(
        "The U.S. economy grew. Exports to the U.S. rose.",
        &["The U.S. economy grew.", "Exports to the U.S. rose."],
    );
    check(
        "He moved to the U.S. It was 1990.",
        &["He moved to the U.S.", "It was 1990."],
    );
    check(
        "Sanctions imposed by the U.S. Treasury Department took effect.",
        &["Sanctions imposed by the U.S. Treasury Department took effect."],
    );
    check(
        "The deal needs approval in the U.S. and Europe.",
        &["The deal needs approval in the U.S. and Europe."],
    );
}

#[test]
fn initials() {
    check(
        "J. R. R. Tolkien wrote it. RC Hammond reviewed it.",
        &["J. R. R. Tolkien wrote it.", "RC Hammond reviewed it."],
    );
    check(
        "President George W. Bush spoke on Monday.",
        &["President George W. Bush spoke on Monday."],
    );
}

#[test]
fn numbers_and_money() {
    check(
        "The plan costs $3.6 trillion. Rates rose 1.5% in May.",
        &["The plan costs $3.6 trillion.", "Rates rose 1.5% in May."],
    );
    check(
        "She lives at No. 10 Downing Street. Her budget is $100.00.",
        &[
            "She lives at No. 10 Downing Street.",
            "Her budget is $100.00.",
        ],
    );
    check(
        "Sales fell 3.2%. Profit rose to 25,000.",
        &["Sales fell 3.2%.", "Profit rose to 25,000."],
    );
    check("No. It was not.", &["No.", "It was not."]);
}

#[test]
fn quotes_holding_several_sentences() {
    check(
        "He said: \"We have our differences. We will continue.\" The talks resume today.",
        &[
            "He said: \"We have our differences.",
            "We will continue.\"",
            "The talks resume today.",
        ],
    );
    check(
        "\u{201C}It is over.\u{201D} She left the room.",
        &["\u{201C}It is over.\u{201D}", "She left the room."],
    );
}

#[test]
fn quote_closing_after_the_period() {
    check(
        "\"This is great.\" she said. \"Really?\" he asked.",
        &["\"This is great.\" she said.", "\"Really?\" he asked."],
    );
    check(
        "\"We will win,\" he said. \"Nobody doubts it.\"",
        &["\"We will win,\" he said.", "\"Nobody doubts it.\""],
    );
}

#[test]
fn lowercase_after_abbreviation() {
    check(
        "Apples, pears, etc. are sold here. Prices rose.",
        &["Apples, pears, etc. are sold here.", "Prices rose."],
    );
    check(
        "Firms, e.g. banks, objected. Acme Inc. said no.",
        &["Firms, e.g. banks, objected.", "Acme Inc. said no."],
    );
    check(
        "It opened at 9 a.m. and closed at 5 p.m. The shares fell.",
        &[
            "It opened at 9 a.m. and closed at 5 p.m.",
            "The shares fell.",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "He paused... then went on. It was late\u{2026} Nobody spoke.",
        &[
            "He paused... then went on.",
            "It was late\u{2026}",
            "Nobody spoke.",
        ],
    );
    check(
        "Wait for it... And there it is.",
        &["Wait for it...", "And there it is."],
    );
}

#[test]
fn lists() {
    check(
        "The bill does three things: 1) cuts taxes 2) raises spending 3) ends the war",
        &["The bill does three things: 1) cuts taxes 2) raises spending 3) ends the war"],
    );
    check(
        "1. Cut taxes\n2. Raise spending\n3. End the war",
        &["1. Cut taxes", "2. Raise spending", "3. End the war"],
    );
    check(
        "Key points:\n\u{2022} Rates held\n\u{2022} Growth slowed",
        &[
            "Key points:",
            "\u{2022} Rates held",
            "\u{2022} Growth slowed",
        ],
    );
}

#[test]
fn headline_caption_and_blank_lines() {
    let text = "Bank of England holds rates\n\nBy Jane Smith\nBusiness reporter\n\n\
                image caption The governor spoke on Thursday\n\
                The Bank of England kept rates at 0.5%. It said inflation would fall.\n\n\
                Related news:\nMarkets rally on rate hopes";
    check(
        text,
        &[
            "Bank of England holds rates",
            "By Jane Smith",
            "Business reporter",
            "image caption The governor spoke on Thursday",
            "The Bank of England kept rates at 0.5%.",
            "It said inflation would fall.",
            "Related news:",
            "Markets rally on rate hopes",
        ],
    );
}

#[test]
fn blank_line_always_ends_a_sentence() {
    check(
        "Shares of Acme Inc.\n\nThe company said",
        &["Shares of Acme Inc.", "The company said"],
    );
    check(
        "the first part\n\nand the second",
        &["the first part", "and the second"],
    );
}

#[test]
fn hard_wrapped_paragraph() {
    let text = "The government announced on Tuesday that it would raise the\n\
                minimum wage by 4 per cent from April, a move welcomed by\n\
                unions but criticised by business groups. Ministers said the\n\
                rise was affordable.";
    check(
        text,
        &[
            "The government announced on Tuesday that it would raise the\n\
             minimum wage by 4 per cent from April, a move welcomed by\n\
             unions but criticised by business groups.",
            "Ministers said the\nrise was affordable.",
        ],
    );
}

#[test]
fn headline_above_hard_wrapped_text() {
    let text = "Wage rise announced\n\
                The government announced on Tuesday that it would raise the\n\
                Minimum Wage by 4 per cent from April, a move welcomed by the\n\
                unions.";
    check(
        text,
        &[
            "Wage rise announced",
            "The government announced on Tuesday that it would raise the\n\
             Minimum Wage by 4 per cent from April, a move welcomed by the\n\
             unions.",
        ],
    );
}

#[test]
fn exclamations_and_questions() {
    check(
        "She works at Yahoo! in the accounting department. Really?! Yes!!",
        &[
            "She works at Yahoo! in the accounting department.",
            "Really?!",
            "Yes!!",
        ],
    );
}

#[test]
fn user_abbreviations_and_titles() {
    let text = "He met Supt. Brown. Then the Cmte. Chair spoke.";
    let mut sp = SentenceSplitter::new();
    let before: Vec<&str> = sp.split_text(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(
        before,
        ["He met Supt. Brown.", "Then the Cmte.", "Chair spoke."]
    );
    sp.add_abbreviation("Cmte.");
    let after: Vec<&str> = sp.split_text(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(
        after,
        ["He met Supt. Brown.", "Then the Cmte. Chair spoke."]
    );

    let text = "They asked Insp Clouseau. Magistr. Dupont agreed.";
    let mut sp = SentenceSplitter::new();
    assert_eq!(sp.split_text(text).len(), 3);
    sp.add_title("Magistr");
    let got: Vec<&str> = sp.split_text(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(
        got,
        ["They asked Insp Clouseau.", "Magistr. Dupont agreed."]
    );
}

#[test]
fn offsets_are_bytes_and_trimmed() {
    let text = "  Caf\u{e9} au lait. \u{00C9}t\u{e9} chaud.  ";
    let s = split_sentences(text);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].text(text), "Caf\u{e9} au lait.");
    assert_eq!(s[1].text(text), "\u{00C9}t\u{e9} chaud.");
    assert_eq!(s[0].start, 2);
    assert_eq!(s[1].range(), s[1].start..s[1].end);
    let json = serde_json::to_string(&s[0]).expect("serializes");
    let back: Sentence = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, s[0]);
}

#[test]
fn one_paragraph_per_line() {
    let text = "Rates were left unchanged, the bank said in a statement on Thursday after its \
                two-day meeting, adding that it would \"watch closely\"\n\
                Markets barely moved after the announcement, which had been widely expected by \
                economists polled beforehand.";
    assert_eq!(parts(text).len(), 2);
}

#[test]
fn scraped_article_layout() {
    let text = "Storm hits coast\n\nimage copyright Getty Images\n\
                image caption Residents were moved to shelters overnight\n\n\
                Thousands of people were evacuated as the storm made landfall on Sunday. \
                Officials said power was cut to 20,000 homes.\n\n\
                Related Topics\nWeather\nFlooding";
    check(
        text,
        &[
            "Storm hits coast",
            "image copyright Getty Images",
            "image caption Residents were moved to shelters overnight",
            "Thousands of people were evacuated as the storm made landfall on Sunday.",
            "Officials said power was cut to 20,000 homes.",
            "Related Topics",
            "Weather",
            "Flooding",
        ],
    );
}

#[test]
fn web_and_mail_text() {
    check(
        "Details at http://example.com/report Comments are welcome.",
        &[
            "Details at http://example.com/report",
            "Comments are welcome.",
        ],
    );
    check(
        "Write to jane.doe@example.com We reply within a day.",
        &["Write to jane.doe@example.com", "We reply within a day."],
    );
    check(
        "Kay Mann 04/26/2001 07:17 AM Will you send the draft?",
        &[
            "Kay Mann",
            "04/26/2001 07:17 AM",
            "Will you send the draft?",
        ],
    );
    check(
        "The meeting starts at 10:00 AM PDT on Monday.",
        &["The meeting starts at 10:00 AM PDT on Monday."],
    );
    check(
        "Thanks for the help :) See you soon.",
        &["Thanks for the help :)", "See you soon."],
    );
}
