//! The wasm boundary, in headless Chromium: offsets are UTF-16 code units that slice the
//! JavaScript string, errors are `Error`s with a stable `kind`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use parallax::wasm::Analyzer;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property readable")
}

const TEXT: &str = "\u{201C}Israel is a threat,\u{201D} said Iran \u{2014} 😀 and Hikmət Hacıyev \
                    of Azerbaijan rejected it. Tehran warned Baku.";

#[wasm_bindgen_test]
fn mention_offsets_slice_the_js_string() {
    let analyzer = Analyzer::new().expect("analyzer builds");
    let report = analyzer
        .analyze(TEXT, JsValue::UNDEFINED)
        .expect("analysis succeeds");
    let js_text = JsString::from(TEXT);
    let mentions: Array = get(&report, "mentions")
        .dyn_into()
        .expect("mentions is an array");
    assert!(
        mentions.length() >= 4,
        "expected several mentions, got {}",
        mentions.length()
    );
    let mut saw_hajiyev = false;
    for m in mentions.iter() {
        let start = get(&m, "start").as_f64().expect("start is a number") as u32;
        let end = get(&m, "end").as_f64().expect("end is a number") as u32;
        let text = get(&m, "text").as_string().expect("text is a string");
        let sliced: String = js_text.slice(start, end).into();
        assert_eq!(sliced, text, "slice({start}, {end})");
        saw_hajiyev |= text.contains("Hacıyev");
    }
    assert!(saw_hajiyev, "Hikmət Hacıyev is found");
}

#[wasm_bindgen_test]
fn report_is_a_plain_object() {
    let analyzer = Analyzer::new().unwrap();
    let report = analyzer
        .analyze("Tehran warned Baku.", JsValue::NULL)
        .unwrap();
    assert!(report.is_object());
    assert_eq!(
        Object::get_prototype_of(&report),
        Object::get_prototype_of(&Object::new())
    );
    let scores = get(&get(&report, "viewpoint"), "scores");
    assert!(
        get(&scores, "iranian").as_f64().is_some(),
        "scores is a plain object keyed by viewpoint"
    );
}

#[wasm_bindgen_test]
fn bad_meta_is_an_error_with_a_kind() {
    let analyzer = Analyzer::new().unwrap();
    let meta = Object::new();
    Reflect::set(&meta, &"outlet".into(), &JsValue::from_f64(3.0)).unwrap();
    let err = analyzer
        .analyze("text", meta.into())
        .expect_err("a number is not an outlet");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(
        get(&err, "kind").as_string().as_deref(),
        Some("invalid_meta")
    );
}

/// Metadata fields are strings or absent (`undefined`, `null`); other fields are not
/// looked at; a value that is not an object, or a field that is not a string, is refused.
#[wasm_bindgen_test]
fn meta_fields_are_read_and_others_refused() {
    let analyzer = Analyzer::new().unwrap();
    let meta = Object::new();
    Reflect::set(&meta, &"title".into(), &"A title".into()).unwrap();
    Reflect::set(&meta, &"source".into(), &"a.txt".into()).unwrap();
    Reflect::set(&meta, &"outlet".into(), &JsValue::NULL).unwrap();
    Reflect::set(&meta, &"url".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&meta, &"lang".into(), &"en".into()).unwrap();
    let report = analyzer
        .analyze("Tehran warned Baku.", meta.into())
        .unwrap();
    assert_eq!(
        get(&report, "title").as_string().as_deref(),
        Some("A title")
    );
    assert_eq!(get(&report, "source").as_string().as_deref(), Some("a.txt"));
    let kind = |meta: JsValue| {
        let err = analyzer.analyze("text", meta).expect_err("refused");
        get(&err, "kind").as_string()
    };
    assert_eq!(kind("a string".into()).as_deref(), Some("invalid_meta"));
    let flag = Object::new();
    Reflect::set(&flag, &"date".into(), &JsValue::TRUE).unwrap();
    assert_eq!(kind(flag.into()).as_deref(), Some("invalid_meta"));
}

#[wasm_bindgen_test]
fn binary_file_is_refused_with_a_kind() {
    let analyzer = Analyzer::new().unwrap();
    let err = analyzer
        .ingest(b"%PDF-1.7\n\x00\x01binary", "report.pdf")
        .expect_err("PDF refused");
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("binary"));
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("report.pdf"), "{message}");
}

#[wasm_bindgen_test]
fn text_over_the_size_limit_is_refused_not_analysed() {
    let analyzer = Analyzer::new().unwrap();
    let limit = parallax::wasm::max_input_bytes();
    let over = "Iran warned Baku. ".repeat(limit / 18 + 1);
    assert!(over.len() > limit);
    for err in [
        analyzer
            .analyze(&over, JsValue::UNDEFINED)
            .expect_err("analyze refuses it"),
        analyzer
            .ingest_text(&over)
            .expect_err("ingestText refuses it"),
        parallax::wasm::ingest_text(&over).expect_err("the HTML module's ingestText too"),
    ] {
        assert_eq!(get(&err, "kind").as_string().as_deref(), Some("too_large"));
        let message = get(&err, "message").as_string().unwrap();
        assert!(message.contains("the limit is 5 MB"), "{message}");
    }
}

/// The HTML module's entry points (in this build with the analyzer; the page loads them as a
/// module of their own) give the article of a page, as `Analyzer::ingest` does.
#[wasm_bindgen_test]
fn html_module_reads_a_page_and_pasted_markup() {
    let page = b"<html><head><title>Talks in Baku</title></head><body><nav>Home | World</nav>\
        <article><h1>Talks in Baku</h1><p>Iran and Azerbaijan held talks in Baku on Monday, \
        and both sides said the meeting was useful.</p><p>Officials from Tehran said more \
        talks would follow in the spring.</p></article></body></html>";
    let article = parallax::wasm::ingest_file(page, "talks.html").unwrap();
    assert_eq!(get(&article, "format").as_string().as_deref(), Some("html"));
    let text = get(&article, "text").as_string().unwrap();
    assert!(text.contains("held talks in Baku on Monday"), "{text}");
    assert!(!text.contains("Home | World"), "{text}");
    let pasted = parallax::wasm::ingest_text(std::str::from_utf8(page).unwrap()).unwrap();
    assert_eq!(get(&pasted, "text").as_string(), Some(text));
    let err = parallax::wasm::ingest_file(b"", "empty.html").expect_err("empty refused");
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("empty"));
}

fn overlay(entities: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"entities".into(), &entities.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn user_knowledge_is_laid_over_the_builtin() {
    let analyzer =
        Analyzer::with_knowledge(overlay("iran | - | - | - | Zorbland"), JsValue::UNDEFINED)
            .unwrap_or_else(|_| panic!("a valid overlay builds"));
    let report = analyzer
        .analyze("Zorbland warned Baku.", JsValue::NULL)
        .unwrap();
    let mentions: Array = get(&report, "mentions").dyn_into().unwrap();
    assert!(mentions
        .iter()
        .any(|m| get(&m, "text").as_string().as_deref() == Some("Zorbland")));
    let knowledge = analyzer.knowledge().unwrap();
    let blocs: Array = get(&knowledge, "blocs").dyn_into().unwrap();
    assert!(blocs
        .iter()
        .any(|b| get(&b, "glyph").as_string().as_deref() == Some("●")));
}

/// The page's way: the HTML module compiles the overlay, the main module reads it.
#[wasm_bindgen_test]
fn compiled_user_knowledge_is_read_by_the_analyzer() {
    let compiled = parallax::wasm::compile_knowledge(
        overlay("iran | - | - | - | Zorbland"),
        JsValue::UNDEFINED,
    )
    .unwrap_or_else(|_| panic!("a valid overlay compiles"));
    let analyzer = Analyzer::with_compiled_knowledge(&compiled)
        .unwrap_or_else(|_| panic!("the compiled knowledge is read"));
    let report = analyzer
        .analyze_json("Zorbland warned Baku.", JsValue::NULL)
        .unwrap();
    let direct =
        Analyzer::with_knowledge(overlay("iran | - | - | - | Zorbland"), JsValue::UNDEFINED)
            .unwrap_or_else(|_| panic!("a valid overlay builds"));
    assert_eq!(
        direct
            .analyze_json("Zorbland warned Baku.", JsValue::NULL)
            .unwrap(),
        report
    );
    assert!(report.contains("\"Zorbland\""), "{report}");
    let error = Analyzer::with_compiled_knowledge(&compiled[..compiled.len() / 2])
        .err()
        .expect("refused");
    assert_eq!(get(&error, "kind").as_string().as_deref(), Some("data"));
    let error =
        parallax::wasm::compile_knowledge(overlay("zed | Zed | robot | - | -"), JsValue::UNDEFINED)
            .err()
            .expect("refused");
    let problems: Array = get(&error, "problems").dyn_into().unwrap();
    assert_eq!(problems.length(), 1);
}

#[wasm_bindgen_test]
fn invalid_user_knowledge_lists_its_problems() {
    let error = Analyzer::with_knowledge(
        overlay("zed | Zed | robot | - | -\nzee | Zee | robot | - | -"),
        JsValue::UNDEFINED,
    )
    .err()
    .expect("refused");
    assert_eq!(get(&error, "kind").as_string().as_deref(), Some("data"));
    let problems: Array = get(&error, "problems").dyn_into().unwrap();
    assert_eq!(problems.length(), 2);
    let first = problems.get(0).as_string().unwrap();
    assert!(
        first.starts_with("user/entities.txt:1: unknown type `robot`"),
        "{first}"
    );
}

/// Built-in texts that lack a file are refused with the file's name, not a trap.
#[wasm_bindgen_test]
fn knowledge_over_incomplete_builtin_texts_names_the_missing_file() {
    let names = parallax::wasm::builtin_data_files();
    assert!(names.iter().any(|n| n == "data/kb/people.txt"), "{names:?}");
    let texts = Object::new();
    Reflect::set(&texts, &"data/blocs.txt".into(), &"".into()).unwrap();
    let error = Analyzer::with_knowledge(
        overlay("qorvex | Qorvex | organization | - | -"),
        texts.into(),
    )
    .err()
    .expect("refused");
    assert_eq!(get(&error, "kind").as_string().as_deref(), Some("data"));
    let problems: Array = get(&error, "problems").dyn_into().unwrap();
    let first = problems.get(0).as_string().unwrap();
    let missing = first
        .split_once(": the built-in data file is missing")
        .map(|(name, _)| name)
        .unwrap_or_else(|| panic!("{first}"));
    assert!(
        missing != "data/blocs.txt" && names.iter().any(|n| n == missing),
        "{first}"
    );
}
