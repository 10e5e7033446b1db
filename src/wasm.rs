//! The JavaScript edge: the only file that names wasm-bindgen or js-sys.
//!
//! One `Analyzer` is built per worker (compiling the knowledge base once) and returns
//! plain JS objects — never wasm class instances, which leak in loops and cannot cross
//! `postMessage`. Offsets are UTF-16 code units, what `String.prototype.slice` takes.
//! Every error becomes a JS `Error` whose `kind` property is stable.
//!
//! Two modules are built from this file: the main one (`Analyzer`, without the `html`
//! feature) and the HTML module (feature `html-module`: only `ingestFile`, `ingestText`
//! and `compileKnowledge`), which the worker loads on the first web page, Markdown note
//! or overlay of the user's knowledge. Test builds have both.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::ingest::{self, Limits};
#[cfg(not(feature = "html-module"))]
use crate::report::{Meta, Units};

/// A JS `Error` with a `kind` property.
fn js_error(kind: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("kind"), &JsValue::from_str(kind));
    error.into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| js_error("internal", &e.to_string()))
}

/// A report as a plain object through JSON text: one string crosses the boundary and
/// `JSON.parse` builds the object, a third of the CPU time of setting each field from
/// Rust (`./build.sh bench`, per-document overhead). Absent fields are `null`.
#[cfg(not(feature = "html-module"))]
fn report_to_js(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json)
}

/// `{title, outlet, url, date, author, source}`, each a string, `undefined` or `null`
/// (absent), read field by field as serde-wasm-bindgen read them (other fields are not
/// looked at): its reader of JS values with serde's messages, and core's float printing
/// that only their "invalid type: floating point" needed, were 13 kB of the gzipped first
/// load. A value that is not an object, or a field that is not a string, is an error of
/// kind "invalid_meta".
#[cfg(not(feature = "html-module"))]
fn meta_from_js(meta: &JsValue) -> Result<Meta, JsValue> {
    let invalid = |why: &str| js_error("invalid_meta", &format!("metadata is not valid: {why}"));
    if meta.is_undefined() || meta.is_null() {
        return Ok(Meta::default());
    }
    if !meta.is_object() {
        return Err(invalid("it is not an object"));
    }
    let field = |name: &str| -> Result<Option<String>, JsValue> {
        let value = js_sys::Reflect::get(meta, &JsValue::from_str(name))?;
        match value.as_string() {
            Some(text) => Ok(Some(text)),
            None if value.is_undefined() || value.is_null() => Ok(None),
            None => Err(invalid(&format!("`{name}` is not a string"))),
        }
    };
    Ok(Meta {
        title: field("title")?,
        outlet: field("outlet")?,
        url: field("url")?,
        date: field("date")?,
        author: field("author")?,
        source: field("source")?,
    })
}

/// The largest file or pasted text accepted, in bytes, the same for every way in:
/// check `File.size` against it before reading a file.
#[cfg(not(feature = "html-module"))]
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    ingest::MAX_INPUT_BYTES
}

/// Refuses text over the one size limit, whichever way it came in (a paste, an import, a
/// caller that skipped the page's check): an error with kind "too_large", never a trap.
fn check_text_size(text: &str) -> Result<(), JsValue> {
    if text.len() <= ingest::MAX_INPUT_BYTES {
        return Ok(());
    }
    // In integers (`one_decimal`): core's float formatting is 8 kB of the gzipped module.
    const MIB: usize = 1024 * 1024;
    let limit = ingest::one_decimal(ingest::MAX_INPUT_BYTES, MIB);
    let message = format!(
        "The text is {} MB; the limit is {} MB. Keep only the article, or split it.",
        ingest::one_decimal(text.len(), MIB),
        limit.strip_suffix(".0").unwrap_or(&limit)
    );
    Err(js_error("too_large", &message))
}

#[cfg(not(feature = "html-module"))]
#[wasm_bindgen]
pub struct Analyzer {
    inner: crate::Analyzer,
}

#[cfg(not(feature = "html-module"))]
#[wasm_bindgen]
impl Analyzer {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Analyzer, JsValue> {
        crate::Analyzer::new()
            .map(|inner| Analyzer { inner })
            .map_err(|e| js_error(e.kind().as_str(), e.message()))
    }

    /// An analyzer over the built-in knowledge with the user's own laid over it:
    /// `{blocs, entities, cues}`, each the text of a file in the format of its built-in
    /// one (`data/blocs.txt`, `data/kb/*.txt`, `data/lexicon/viewpoint_cues.txt`).
    /// `builtin` as for `compileKnowledge`. Only in builds with the HTML parser (the tests,
    /// not the main module, which takes `compileKnowledge`'s bytes: `withCompiledKnowledge`).
    #[cfg(feature = "html")]
    #[wasm_bindgen(js_name = withKnowledge)]
    pub fn with_knowledge(overlay: JsValue, builtin: JsValue) -> Result<Analyzer, JsValue> {
        Ok(Analyzer {
            inner: crate::Analyzer::with_knowledge_base(overlaid(overlay, builtin)?),
        })
    }

    /// An analyzer over a knowledge base compiled by the HTML module's `compileKnowledge`
    /// (the built-in knowledge with the user's laid over it, in its compact form): the
    /// main module leaves the knowledge base's builder out. Throws an `Error` of kind
    /// `data` for bytes it cannot read.
    #[wasm_bindgen(js_name = withCompiledKnowledge)]
    pub fn with_compiled_knowledge(compiled: &[u8]) -> Result<Analyzer, JsValue> {
        crate::kb::KnowledgeBase::from_compiled(compiled)
            .map(|kb| Analyzer {
                inner: crate::Analyzer::with_knowledge_base(kb),
            })
            .map_err(|e| js_error(e.kind().as_str(), e.message()))
    }

    /// What the page shows of the knowledge: `{blocs: [{id, name, glyph, slot}],
    /// viewpoints: [{id, label, bloc, blocs}], entities: [{id, name, type, bloc}]}`.
    pub fn knowledge(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.knowledge_base().knowledge())
    }

    /// The report for `text` (see CONTRACT.md); `meta` is optional
    /// `{title, outlet, url, date, author, source}`.
    pub fn analyze(&self, text: &str, meta: JsValue) -> Result<JsValue, JsValue> {
        report_to_js(&self.analyze_json(text, meta)?)
    }

    /// The same report as JSON text, for a caller that sends it on as text (the worker
    /// posts it to the page, which parses it once).
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, text: &str, meta: JsValue) -> Result<String, JsValue> {
        check_text_size(text)?;
        let meta = meta_from_js(&meta)?;
        Ok(self.inner.report_json(text, &meta, Units::Utf16))
    }

    /// Turns a dropped file into an article: `{text, title, meta, comments, encoding,
    /// encoding_evidence, format, removed_lines}`, or throws an `Error` whose `kind` says why not
    /// ("needs_html" for a web page in the main module: ask the HTML module's `ingestFile`).
    pub fn ingest(&self, bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
        article_to_js(ingest::ingest(bytes, file_name, &Limits::default()))
    }

    /// The same for pasted text ("needs_html": the HTML module's `ingestText`).
    #[wasm_bindgen(js_name = ingestText)]
    pub fn ingest_text(&self, text: &str) -> Result<JsValue, JsValue> {
        check_text_size(text)?;
        article_to_js(ingest::ingest_text(text, None))
    }

    /// A bare scan of the knowledge base's patterns over `text` (folding and the automata,
    /// no analysis): the lower bound `./build.sh bench` compares `analyze` with.
    pub fn scan(&self, text: &str) -> u32 {
        self.inner.knowledge_base().scan(text) as u32
    }

    /// The crate version, for the page's footer and cache names.
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}

/// The built-in knowledge with the user's laid over it (`compileKnowledge`).
#[cfg(feature = "html")]
fn overlaid(overlay: JsValue, builtin: JsValue) -> Result<crate::kb::KnowledgeBase, JsValue> {
    let overlay: crate::kb::Overlay = serde_wasm_bindgen::from_value(overlay).map_err(|e| {
        js_error(
            "data",
            &format!("the knowledge is not {{blocs, entities, cues}}: {e}"),
        )
    })?;
    let built = if builtin.is_undefined() || builtin.is_null() {
        with_embedded_texts(&overlay)?
    } else {
        let texts: std::collections::HashMap<String, String> =
            serde_wasm_bindgen::from_value(builtin).map_err(|e| {
                js_error(
                    "data",
                    &format!("the built-in data files are not {{name: text}}: {e}"),
                )
            })?;
        crate::kb::KnowledgeBase::with_overlay_on(&texts, &overlay)
    };
    built.map_err(|problems| {
        let list: Vec<&str> = problems.iter().map(|e| e.message()).collect();
        let error = js_error("data", &list.join("\n"));
        if let Ok(list) = to_js(&list) {
            let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &list);
        }
        error
    })
}

/// The user's knowledge laid over the built-in, compiled for the main module's
/// `Analyzer.withCompiledKnowledge` (the HTML module's way in: the main module leaves the
/// knowledge base's builder out): `overlay` is `{blocs, entities, cues}`, each the text
/// of a file in the format of its built-in one (`data/blocs.txt`, `data/kb/*.txt`,
/// `data/lexicon/viewpoint_cues.txt`); `builtin` holds the built-in data files' texts by
/// name (the main module's `builtinDataFiles`), which neither module embeds (the page
/// fetches them); a build that embeds them (feature `builtin-texts`) takes `undefined`.
/// Throws an `Error` of kind `data` whose `problems` lists every problem, each naming its
/// file and line; the built-in knowledge is never changed.
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = compileKnowledge)]
pub fn compile_knowledge(overlay: JsValue, builtin: JsValue) -> Result<Vec<u8>, JsValue> {
    overlaid(overlay, builtin)?
        .to_compiled()
        .map_err(|e| js_error(e.kind().as_str(), e.message()))
}

/// The overlay over the embedded texts of the built-in data files.
#[cfg(all(feature = "html", feature = "builtin-texts"))]
fn with_embedded_texts(
    overlay: &crate::kb::Overlay,
) -> Result<Result<crate::kb::KnowledgeBase, Vec<crate::Error>>, JsValue> {
    Ok(crate::kb::KnowledgeBase::with_overlay(overlay))
}

/// This module does not embed the built-in data files' texts: the caller must give them.
#[cfg(all(feature = "html", not(feature = "builtin-texts")))]
fn with_embedded_texts(
    _overlay: &crate::kb::Overlay,
) -> Result<Result<crate::kb::KnowledgeBase, Vec<crate::Error>>, JsValue> {
    Err(js_error(
        "needs_builtin",
        "this module does not embed the built-in data files: give their texts (builtinDataFiles names them)",
    ))
}

/// The name of every built-in data file an overlay is built over: the keys of
/// `withKnowledge`'s `builtin` (`./build.sh` writes them, with their texts, into
/// `pkg/knowledge-data.json`).
#[cfg(not(feature = "html-module"))]
#[wasm_bindgen(js_name = builtinDataFiles)]
pub fn builtin_data_files() -> Vec<String> {
    crate::kb::builtin_file_names()
        .into_iter()
        .map(String::from)
        .collect()
}

fn article_to_js(
    article: Result<ingest::Article, ingest::IngestError>,
) -> Result<JsValue, JsValue> {
    to_js(&article.map_err(|e| js_error(e.kind(), e.message()))?)
}

/// The HTML module's way in: a file the main module answered "needs_html" for, read as a
/// web page (the same article `Analyzer::ingest` gives in a build with `html`).
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = ingestFile)]
pub fn ingest_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
    article_to_js(ingest::ingest_page(bytes, file_name, &Limits::default()))
}

/// The same for pasted HTML.
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = ingestText)]
pub fn ingest_text(text: &str) -> Result<JsValue, JsValue> {
    check_text_size(text)?;
    to_js(&ingest::ingest_pasted_page(text))
}
