//! Embeds the knowledge base: every `data/kb/*.txt` entity file (in name order) and the
//! fixed files, so that adding a file of entities needs no code change.

use std::{env, fs, path::Path};

fn main() {
    let kb = Path::new("data/kb");
    println!("cargo:rerun-if-changed=data");
    let mut files: Vec<String> = fs::read_dir(kb)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") && n != "epithets.txt")
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("/// `(file name, contents)` of every entity file in `data/kb/`.\n");
    out.push_str("pub const ENTITY_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let path = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap())
            .join(kb)
            .join(f);
        out.push_str(&format!(
            "    (\"data/kb/{f}\", include_str!({:?})),\n",
            path.display().to_string()
        ));
        println!("cargo:rerun-if-changed={}", path.display());
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("kb_files.rs");
    fs::write(dest, out).expect("write kb_files.rs");
}
