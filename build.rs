//! Embeds the knowledge base. Every `data/kb/*.txt` entity file (in name order) is listed
//! for the crate (`kb_files.rs`), so that adding a file of entities needs no code change,
//! and the built-in knowledge base is compiled here, once, by the crate's own `src/kb`, into
//! the compact form that `KnowledgeBase::builtin` loads at start-up
//! (`knowledge_base.postcard`, see `src/kb/compact.rs`). A problem in `data/` fails the
//! build, naming its file and line.

use std::{env, fs, path::Path};

// The crate's own modules, the same files, so that there is one reader of the data. Parts
// only the crate uses are unused here.
#[allow(dead_code, unused_imports)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code, unused_imports)]
#[path = "src/kb/mod.rs"]
mod kb;
#[allow(dead_code, unused_imports)]
#[path = "src/text.rs"]
mod text;

fn main() {
    println!("cargo:rerun-if-changed=data");
    // The crate's code includes what this script writes; this script compiles it without.
    println!("cargo:rustc-cfg=parallax_out_dir");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let kb = Path::new(&manifest).join("data/kb");
    let mut files: Vec<String> = fs::read_dir(&kb)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") && n != "epithets.txt")
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    // The names always; the texts only where they are embedded (feature `builtin-texts`:
    // the main wasm module leaves them out, and the page fetches them for an overlay).
    let mut names = String::from("/// The name of every entity file in `data/kb/`.\n");
    names.push_str("pub const ENTITY_FILE_NAMES: &[&str] = &[\n");
    let mut list =
        String::from("/// `(file name, contents)` of every entity file in `data/kb/`.\n");
    list.push_str("#[cfg(feature = \"builtin-texts\")]\n");
    list.push_str("pub const ENTITY_FILES: &[(&str, &str)] = &[\n");
    let mut sources = Vec::new();
    for f in &files {
        let path = kb.join(f);
        names.push_str(&format!("    \"data/kb/{f}\",\n"));
        list.push_str(&format!(
            "    (\"data/kb/{f}\", include_str!({:?})),\n",
            path.display().to_string()
        ));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("data/kb/{f}: {e}"));
        sources.push((format!("data/kb/{f}"), text));
    }
    names.push_str("];\n");
    list.push_str("];\n");
    list.insert_str(0, &names);
    fs::write(Path::new(&out).join("kb_files.rs"), list).expect("write kb_files.rs");

    let entity_files: Vec<(&str, &str)> = sources
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let compact = kb::compile_builtin(&entity_files).unwrap_or_else(|problems| {
        eprintln!("{problems}");
        std::process::exit(1)
    });
    fs::write(Path::new(&out).join("knowledge_base.postcard"), compact)
        .expect("write knowledge_base.postcard");
}
