//! One test per tokenization convention, with literal expected tokens.

use copydesk_tokenize::{tokenize, TokenKind, Tokenizer};

/// Asserts that `input` tokenizes to exactly `expected` (token texts).
#[track_caller]
fn check(input: &str, expected: &[&str]) {
    let got: Vec<&str> = tokenize(input).iter().map(|t| t.text(input)).collect();
    assert_eq!(got, expected, "input: {input:?}");
}

/// Asserts the kinds of the tokens of `input`.
#[track_caller]
fn check_kinds(input: &str, expected: &[(&str, TokenKind)]) {
    let got: Vec<(&str, TokenKind)> = tokenize(input)
        .iter()
        .map(|t| (t.text(input), t.kind))
        .collect();
    assert_eq!(got, expected, "input: {input:?}");
}

#[test]
fn contractions() {
    check("I don't know.", &["I", "do", "n't", "know", "."]);
    check(
        "can't won't ain't",
        &["ca", "n't", "wo", "n't", "ai", "n't"],
    );
    check(
        "we're I'm you'll they've she'd",
        &[
            "we", "'re", "I", "'m", "you", "'ll", "they", "'ve", "she", "'d",
        ],
    );
    check("DON'T", &["DO", "N'T"]);
}

#[test]
fn curly_apostrophes() {
    check(
        "don’t we’re Russia’s",
        &["do", "n’t", "we", "’re", "Russia", "’s"],
    );
}

#[test]
fn possessives() {
    check("Russia's economy", &["Russia", "'s", "economy"]);
    check("the Joneses' house", &["the", "Joneses", "'", "house"]);
    check("the 1960's music", &["the", "1960's", "music"]);
}

#[test]
fn fused_contractions() {
    check("i dont know", &["i", "do", "nt", "know"]);
    check("I cannot go", &["I", "can", "not", "go"]);
    check("gonna wanna", &["gon", "na", "wan", "na"]);
}

#[test]
fn inner_apostrophes_stay() {
    check("O'Brien rock'n'roll", &["O'Brien", "rock'n'roll"]);
}

#[test]
fn abbreviations_keep_period() {
    check(
        "Mr. Smith met Dr. Jones.",
        &["Mr.", "Smith", "met", "Dr.", "Jones", "."],
    );
    check("the U.S. economy", &["the", "U.S.", "economy"]);
    check("fruit, e.g. apples", &["fruit", ",", "e.g.", "apples"]);
    check("Jennifer M. Anderson", &["Jennifer", "M.", "Anderson"]);
    check("at 5 p.m. today", &["at", "5", "p.m.", "today"]);
    check("Apple Inc. said", &["Apple", "Inc.", "said"]);
}

#[test]
fn abbreviation_at_sentence_end_splits_period() {
    check(
        "apples, pears etc. The end",
        &["apples", ",", "pears", "etc", ".", "The", "end"],
    );
    check(
        "He moved to the U.S.",
        &["He", "moved", "to", "the", "U.S", "."],
    );
    check(
        "It is Apple Inc.\nNext",
        &["It", "is", "Apple", "Inc", ".", "Next"],
    );
}

#[test]
fn custom_abbreviations() {
    let tok = Tokenizer::default()
        .with_abbreviations(["Approx"])
        .with_titles(["Insp"]);
    let text = "Approx. 5 men and Insp. Morse.";
    let got: Vec<&str> = tok.tokens(text).map(|t| t.text(text)).collect();
    assert_eq!(got, ["Approx.", "5", "men", "and", "Insp.", "Morse", "."]);
}

#[test]
fn sentence_final_period() {
    check("It rained.", &["It", "rained", "."]);
    check("It rained.He left", &["It", "rained", ".", "He", "left"]);
    check("in 2004.", &["in", "2004", "."]);
}

#[test]
fn numbers() {
    check_kinds(
        "25,000 3.6 1.5 .04",
        &[
            ("25,000", TokenKind::Number),
            ("3.6", TokenKind::Number),
            ("1.5", TokenKind::Number),
            (".04", TokenKind::Number),
        ],
    );
    check("at 5:30 on 11/28/2000", &["at", "5:30", "on", "11/28/2000"]);
    check("call 713-853-3989 now", &["call", "713-853-3989", "now"]);
    check("3-4 times", &["3", "-", "4", "times"]);
    check("the 1990s and 2nd", &["the", "1990s", "and", "2nd"]);
    check("1,2,3", &["1", ",", "2", ",", "3"]);
    // units are split off as in EWT, ordinals and decades are not
    check(
        "at 7:30PM, 5pm, 35mm",
        &["at", "7:30", "PM", ",", "5", "pm", ",", "35", "mm"],
    );
    check("4th 1950s", &["4th", "1950s"]);
}

#[test]
fn currency_and_percent() {
    check_kinds(
        "$25,000 (3.5%)",
        &[
            ("$", TokenKind::Symbol),
            ("25,000", TokenKind::Number),
            ("(", TokenKind::Punct),
            ("3.5", TokenKind::Number),
            ("%", TokenKind::Symbol),
            (")", TokenKind::Punct),
        ],
    );
    check("£5bn and €3.2", &["£", "5", "bn", "and", "€", "3.2"]);
    check("+44 20", &["+44", "20"]);
}

#[test]
fn hyphens() {
    check("a 15-year term", &["a", "15", "-", "year", "term"]);
    check("well-known", &["well", "-", "known"]);
    check(
        "e-mail non-violence anti-war mid-1980s",
        &["e-mail", "non-violence", "anti-war", "mid-1980s"],
    );
    check("so -- it", &["so", "--", "it"]);
    check("wait---no", &["wait", "---", "no"]);
}

#[test]
fn dashes() {
    check("now—later – then", &["now", "—", "later", "–", "then"]);
    check("a——b", &["a", "——", "b"]);
}

#[test]
fn ellipsis_and_runs() {
    check("wait... what?!", &["wait", "...", "what", "?!"]);
    check("hmm…", &["hmm", "…"]);
    check("*** end", &["***", "end"]);
}

#[test]
fn quotes_and_brackets() {
    check(
        "\"Yes,\" he said.",
        &["\"", "Yes", ",", "\"", "he", "said", "."],
    );
    check("“Yes,” he said", &["“", "Yes", ",", "”", "he", "said"]);
    check(
        "‘no’ [x] {y} (z)",
        &["‘", "no", "’", "[", "x", "]", "{", "y", "}", "(", "z", ")"],
    );
    check("'quoted'", &["'", "quoted", "'"]);
    check("«bien»", &["«", "bien", "»"]);
}

#[test]
fn urls() {
    check_kinds(
        "See https://example.com/a?b=1 (or www.bbc.co.uk).",
        &[
            ("See", TokenKind::Word),
            ("https://example.com/a?b=1", TokenKind::Url),
            ("(", TokenKind::Punct),
            ("or", TokenKind::Word),
            ("www.bbc.co.uk", TokenKind::Url),
            (")", TokenKind::Punct),
            (".", TokenKind::Punct),
        ],
    );
    check(
        "http://en.wikipedia.org/wiki/Foo_(bar).",
        &["http://en.wikipedia.org/wiki/Foo_(bar)", "."],
    );
    check_kinds(
        "visit galleryfurniture.com",
        &[
            ("visit", TokenKind::Word),
            ("galleryfurniture.com", TokenKind::Url),
        ],
    );
}

#[test]
fn emails() {
    check_kinds(
        "Mail carol.st.clair@enron.com, or <a_b@x.org>.",
        &[
            ("Mail", TokenKind::Word),
            ("carol.st.clair@enron.com", TokenKind::Email),
            (",", TokenKind::Punct),
            ("or", TokenKind::Word),
            ("<", TokenKind::Symbol),
            ("a_b@x.org", TokenKind::Email),
            (">", TokenKind::Symbol),
            (".", TokenKind::Punct),
        ],
    );
}

#[test]
fn hashtags_and_mentions() {
    check_kinds(
        "@bbc_news #Brexit #1",
        &[
            ("@bbc_news", TokenKind::Mention),
            ("#Brexit", TokenKind::Hashtag),
            ("#", TokenKind::Punct),
            ("1", TokenKind::Number),
        ],
    );
    check("meet @ 5", &["meet", "@", "5"]);
}

#[test]
fn emoji() {
    check_kinds(
        "ok👍🏽!",
        &[
            ("ok", TokenKind::Word),
            ("👍🏽", TokenKind::Emoji),
            ("!", TokenKind::Punct),
        ],
    );
    check("👨‍👩‍👧‍👦👨‍👩‍👧", &["👨‍👩‍👧‍👦", "👨‍👩‍👧"]);
    check("🇫🇷🇩🇪", &["🇫🇷", "🇩🇪"]);
    check("1️⃣ #️⃣", &["1️⃣", "#️⃣"]);
    check("❤️x", &["❤️", "x"]);
    check("🏴󠁧󠁢󠁳󠁣󠁴󠁿 flag", &["🏴󠁧󠁢󠁳󠁣󠁴󠁿", "flag"]);
    check("©2024 ©️", &["©", "2024", "©️"]);
}

#[test]
fn emoticons() {
    check("nice :-) and ;)", &["nice", ":-)", "and", ";)"]);
    check("Note: fine", &["Note", ":", "fine"]);
}

#[test]
fn accents_and_combining_marks() {
    check("café naïve Zoë", &["café", "naïve", "Zoë"]);
    // e + COMBINING ACUTE ACCENT stays one word
    check("cafe\u{301} ok", &["cafe\u{301}", "ok"]);
    // a mark after punctuation stays with it
    check("!\u{301} x", &["!\u{301}", "x"]);
}

#[test]
fn cjk_uses_word_boundaries() {
    check(
        "東京は日本の首都です。",
        &[
            "東", "京", "は", "日", "本", "の", "首", "都", "で", "す", "。",
        ],
    );
    check("カタカナ語", &["カタカナ", "語"]);
    check("iPhone手机", &["iPhone", "手", "机"]);
}

#[test]
fn arabic_and_others() {
    check(
        "مرحبا بالعالم، كيف؟",
        &["مرحبا", "بالعالم", "،", "كيف", "؟"],
    );
    check("Привет, мир!", &["Привет", ",", "мир", "!"]);
    check("नमस्ते दुनिया।", &["नमस्ते", "दुनिया", "।"]);
    check("שלום עולם", &["שלום", "עולם"]);
}

#[test]
fn whitespace_and_crlf() {
    check(
        "one\r\ntwo\ttwo\u{a0}three\u{3000}four",
        &["one", "two", "two", "three", "four"],
    );
    check("  \r\n ", &[]);
    check("", &[]);
}

#[test]
fn file_names_and_slashes() {
    check(
        "see 20.doc and report.XLS or .pdf",
        &["see", "20.doc", "and", "report.XLS", "or", ".pdf"],
    );
    check("w/o l/c and/or", &["w/o", "l/c", "and", "/", "or"]);
}

#[test]
fn number_abbreviation_only_before_numbers() {
    check("No. 5 and Nos. 6", &["No.", "5", "and", "Nos.", "6"]);
    check("I said No. Then", &["I", "said", "No", ".", "Then"]);
}

#[test]
fn doubled_quotes() {
    check("‘‘hi’’ ''x''", &["‘‘", "hi", "’’", "''", "x", "''"]);
    check("mama`s", &["mama", "`s"]);
}

#[test]
fn symbols() {
    check_kinds(
        "AT&T & co + 2",
        &[
            ("AT&T", TokenKind::Word),
            ("&", TokenKind::Symbol),
            ("co", TokenKind::Word),
            ("+", TokenKind::Symbol),
            ("2", TokenKind::Number),
        ],
    );
}
