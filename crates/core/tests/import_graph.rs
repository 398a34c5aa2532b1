//! The core's modules import one way: each only from a lower layer (the table in
//! `src/lib.rs`), so there is no import circle inside the core.

use std::path::Path;

/// Each module's layer; a module may import only modules of a lower layer.
const LAYERS: &[(&str, u8)] = &[
    ("range", 0),
    ("number", 0),
    ("data", 0),
    ("model", 0),
    ("loss", 1),
    ("table", 1),
    ("problem", 2),
    ("analysis", 3),
    ("optimizer", 3),
    ("lesson", 4),
    ("json", 5),
    ("presets", 5),
    ("encoding", 6),
    ("session", 7),
    ("export", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The modules `crate::…` names in `text` before its tests.
fn imports(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = Vec::new();
    for line in code.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn every_module_imports_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for (module, own) in LAYERS {
        let file = src.join(format!("{module}.rs"));
        let dir = src.join(module);
        let mut texts = Vec::new();
        if let Ok(text) = std::fs::read_to_string(&file) {
            texts.push(text);
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                texts.push(std::fs::read_to_string(entry.path()).unwrap());
            }
        }
        assert!(!texts.is_empty(), "no source for {module}");
        for text in texts {
            for imported in imports(&text) {
                let theirs = layer(&imported)
                    .unwrap_or_else(|| panic!("{module} imports {imported}, not in the table"));
                assert!(
                    theirs < *own,
                    "{module} (layer {own}) imports {imported} (layer {theirs})"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20);
}
