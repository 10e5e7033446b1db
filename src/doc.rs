//! The document model: one text, folded and segmented, with every lexicon's hits, built
//! once and read by every stage (`extract`, `attribute`, `stances`, `classify`, `decide`
//! take `(kb, &doc)`), so no stage scans the text again.

use std::ops::Deref;

use crate::kb::{Hits, KnowledgeBase};
use crate::text::Text;

/// One document, ready for the stages.
pub struct Doc<'a> {
    pub text: Text<'a>,
    pub hits: Hits<'a>,
}

impl<'a> Doc<'a> {
    pub fn new(kb: &'a KnowledgeBase, original: &'a str) -> Doc<'a> {
        let text = Text::new(original);
        let hits = kb.hits(&text);
        Doc { text, hits }
    }
}

/// A document is read as its text by the helpers that need only the text.
impl<'a> Deref for Doc<'a> {
    type Target = Text<'a>;
    fn deref(&self) -> &Text<'a> {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{test_kb as kb, Hit, Lexicon};
    use crate::text::Span;

    fn spans<T>(hits: &[Hit<T>]) -> Vec<(Span, Span)> {
        hits.iter().map(|h| (h.span, h.folded)).collect()
    }

    fn same<T>(doc: &Doc, lexicon: &Lexicon<T>, hits: &[Hit<T>], name: &str) {
        assert_eq!(
            spans(hits),
            spans(&lexicon.find_all(&doc.text)),
            "{name} in {:?}",
            doc.original
        );
    }

    #[test]
    fn the_hits_are_each_lexicons_own() {
        let kb = kb();
        for text in [
            "Tehran did not condemn Baku, the ministry said, according to officials.",
            "THE ZIONIST REGIME may threaten the Islamic Republic; Israel\u{2019}s allies denied it.",
            "Foreign Minister Jane Roe accused the Zionist regime of aggression and sanctions.",
            "",
            "\u{0259}\u{0259} Hikm\u{0259}t Hac\u{0131}yev warned Armenians and Azerbaijanis",
        ] {
            let doc = Doc::new(kb, text);
            let h = &doc.hits;
            same(&doc, &kb.gazetteer, &h.gazetteer, "gazetteer");
            same(&doc, &kb.stance, &h.stance, "stance");
            same(&doc, &kb.speech, &h.speech, "speech");
            same(&doc, &kb.negation, &h.negation, "negation");
            same(&doc, &kb.hedges, &h.hedges, "hedges");
            same(&doc, &kb.titles, &h.titles, "titles");
            same(&doc, &kb.framing, &h.framing, "framing");
            same(&doc, &kb.relations, &h.relations, "relations");
            same(&doc, &kb.collectives, &h.collectives, "collectives");
            same(&doc, &kb.acts, &h.acts, "acts");
        }
        let doc = Doc::new(kb, "Tehran did not condemn Baku, the ministry said.");
        assert!(doc
            .hits
            .gazetteer
            .iter()
            .any(|h| doc.slice(h.span) == "Tehran"));
        assert!(!doc.hits.speech.is_empty() && !doc.hits.negation.is_empty());
    }
}
