//! Keeps ARCHITECTURE.md true: reads the source as text and fails when an import breaks a
//! rule written there.
//!
//! - The core's module table in ARCHITECTURE.md names every module of `crates/core/src`
//!   exactly once, with the core modules it may use (its last column); a module that uses
//!   another one not listed there fails, and so does a circle among those lists.
//! - The core knows no screen: no Leptos, web-sys, wasm-bindgen, js-sys or Plotters, and
//!   nothing of the app.
//! - `charts` uses neither Leptos nor the core; `i18n` uses no Leptos and, from the core,
//!   only `number` (how numbers are rounded) and `tour` (the captions it words).
//! - Components compute nothing: they never reach the core's computing modules
//!   (`analysis`, `loss`, `problem`, `model`'s functions, the optimizers' steps) and never
//!   ask the session for its `Problem`.
//!
//! "Uses" means any path `crate::name` (in the core) or `descent_core::name` (in the app)
//! outside comments and outside the `#[cfg(test)]` module at the end of a file, whether in
//! a `use` line or written out in full.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `.rs` file below `dir`, sorted, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap_or_default();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without comments and without its trailing `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                ""
            } else {
                match line.find("// ") {
                    Some(at) if !line[..at].contains('"') => &line[..at],
                    _ => line,
                }
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that follow `prefix` (`crate::`, `descent_core::`) in `code`, including the
/// members of a braced group right after it (`crate::{a, b::c}` gives `a` and `b`).
fn used_names(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().last();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level members of the group, up to its closing brace.
            let mut depth = 0usize;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 0 => {
                        let name = ident(&group[i..]);
                        if !name.is_empty() {
                            names.insert(name);
                        }
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// The top-level module a core file belongs to: `optimizer/gd.rs` → `optimizer`.
fn core_module(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib").then_some(name)
}

/// The core table of ARCHITECTURE.md: module → the core modules it may use. Rows are
/// `| \`name\` | role | \`x\`, \`y\` |` between the heading that names `crates/core` and
/// the next heading.
fn documented_core_rules() -> BTreeMap<String, BTreeSet<String>> {
    let doc = fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap_or_default();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("crates/core"))
        .unwrap_or_default();
    let mut rules = BTreeMap::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        let name = cells[0].trim_matches('`').to_string();
        let uses: BTreeSet<String> = cells
            .last()
            .copied()
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().trim_matches('`').to_string())
            .filter(|s| !s.is_empty() && s != "—")
            .collect();
        assert!(
            rules.insert(name.clone(), uses).is_none(),
            "ARCHITECTURE.md lists the core module `{name}` twice"
        );
    }
    rules
}

/// Each core module and the other core modules its code uses.
fn core_imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(ROOT).join("crates/core/src");
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, text) in sources(&src) {
        let Some(module) = core_module(&src, &file) else {
            continue;
        };
        let used = used_names(&code(&text), "crate::");
        let entry = imports.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|m| *m != module));
    }
    // Only module names count: `crate::Loss` (a re-export at the root) is resolved to the
    // module that defines it by the rule below, so re-exports cannot hide a dependency.
    let modules: BTreeSet<String> = imports.keys().cloned().collect();
    let reexports = root_reexports();
    for used in imports.values_mut() {
        *used = used
            .iter()
            .filter_map(|name| {
                if modules.contains(name) {
                    Some(name.clone())
                } else {
                    reexports.get(name).cloned()
                }
            })
            .collect();
    }
    for (module, used) in imports.iter_mut() {
        used.remove(module);
    }
    imports
}

/// `pub use module::{Name, …}` lines of the core's lib.rs: re-exported name → module.
fn root_reexports() -> BTreeMap<String, String> {
    let lib =
        fs::read_to_string(Path::new(ROOT).join("crates/core/src/lib.rs")).unwrap_or_default();
    let mut map = BTreeMap::new();
    for statement in code(&lib).split(';') {
        let statement = statement.trim();
        let Some(path) = statement.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = path.split_once("::") else {
            continue;
        };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let item = item.trim();
            let name = item.rsplit("::").next().unwrap_or(item).trim();
            let name = name.rsplit(" as ").next().unwrap_or(name).trim();
            if !name.is_empty() {
                map.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    map
}

#[test]
fn the_core_table_names_every_core_module_once() {
    let documented = documented_core_rules();
    let actual = core_imports();
    let doc: BTreeSet<&String> = documented.keys().collect();
    let code: BTreeSet<&String> = actual.keys().collect();
    assert_eq!(
        doc, code,
        "ARCHITECTURE.md's core table and crates/core/src must name the same modules"
    );
}

#[test]
fn core_modules_use_only_what_architecture_md_allows() {
    let documented = documented_core_rules();
    let mut broken = Vec::new();
    for (module, used) in core_imports() {
        let allowed = documented.get(&module).cloned().unwrap_or_default();
        for name in used.difference(&allowed) {
            broken.push(format!("`{module}` uses `{name}`"));
        }
    }
    assert!(
        broken.is_empty(),
        "core imports not allowed by ARCHITECTURE.md: {broken:?}"
    );
}

#[test]
fn the_core_has_no_circles() {
    let rules = documented_core_rules();
    // Depth-first search for a back edge; the path names the circle when one is found.
    fn visit(
        node: &str,
        rules: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in rules.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, rules, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for module in rules.keys() {
        let circle = visit(module, &rules, &mut Vec::new(), &mut done);
        assert!(circle.is_none(), "a circle in the core: {circle:?}");
    }
}

#[test]
fn the_core_knows_no_screen_and_nothing_of_the_app() {
    let manifest =
        fs::read_to_string(Path::new(ROOT).join("crates/core/Cargo.toml")).unwrap_or_default();
    let deps = manifest
        .split("\n[dependencies]")
        .nth(1)
        .and_then(|s| s.split("\n[").next())
        .unwrap_or_default();
    for web in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "plotters"] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(web)),
            "descent-core depends on {web}"
        );
    }
    for (file, text) in sources(&Path::new(ROOT).join("crates/core/src")) {
        let code = code(&text);
        for name in [
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "plotters",
            "descent_lab",
        ] {
            assert!(
                !code.contains(&format!("{name}::")),
                "{} uses {name}",
                file.display()
            );
        }
    }
}

/// The app files below `src/<dir>` with their code.
fn app_code(dir: &str) -> Vec<(PathBuf, String)> {
    let path = Path::new(ROOT).join("src").join(dir);
    let files = if path.is_dir() {
        sources(&path)
    } else {
        let file = path.with_extension("rs");
        vec![(file.clone(), fs::read_to_string(&file).unwrap_or_default())]
    };
    files.into_iter().map(|(f, t)| (f, code(&t))).collect()
}

#[test]
fn charts_use_neither_leptos_nor_the_core() {
    let files = app_code("charts");
    assert!(!files.is_empty(), "src/charts has no files");
    for (file, code) in files {
        for name in [
            "leptos::",
            "descent_core::",
            "crate::state",
            "crate::components",
        ] {
            assert!(!code.contains(name), "{} uses {name}", file.display());
        }
    }
}

#[test]
fn i18n_uses_no_leptos_and_only_number_and_tour_from_the_core() {
    for (file, code) in app_code("i18n") {
        assert!(!code.contains("leptos::"), "{} uses leptos", file.display());
        let core: BTreeSet<String> = used_names(&code, "descent_core::");
        let allowed: BTreeSet<String> = ["number", "Notation", "Rounded", "tour"]
            .into_iter()
            .map(String::from)
            .collect();
        assert!(
            core.is_subset(&allowed),
            "{} uses {:?} of the core; only `number` and `tour`",
            file.display(),
            core.difference(&allowed).collect::<Vec<_>>()
        );
    }
}

#[test]
fn components_compute_nothing() {
    // The core's computing modules and the names that compute: a component gets its
    // numbers from `Session` methods instead.
    let computing = [
        "analysis",
        "loss",
        "problem",
        "model",
        "Problem",
        "GradientDescent",
    ];
    // `range` gives constants (PARAM_BOUND, which a message names); its fitting functions
    // are the session's work.
    let calls = [
        ".problem()",
        ".loss_at(",
        ".predict(",
        ".extrema(",
        ".loss_curve(",
        "slider_grid(",
        "covering_range(",
    ];
    let files = app_code("components");
    assert!(!files.is_empty(), "src/components has no files");
    // The adapters and the worked sums read numbers for the components; they too only
    // ask the session.
    let readers = ["chart_data", "worked"].into_iter().flat_map(app_code);
    for (file, code) in files.into_iter().chain(readers) {
        let used = used_names(&code, "descent_core::");
        for name in computing {
            assert!(
                !used.contains(name),
                "{} uses descent_core::{name}",
                file.display()
            );
        }
        for call in calls {
            assert!(!code.contains(call), "{} calls {call}", file.display());
        }
    }
}

#[test]
fn the_reader_sees_grouped_and_written_out_paths() {
    let code = code(
        "use crate::{analysis::{self, X}, loss};\n\
         // use crate::commented;\n\
         fn f() { crate::problem::Problem::new(); my_crate::no(); }\n\
         #[cfg(test)]\nmod tests { use crate::presets; }",
    );
    let names = used_names(&code, "crate::");
    let expected: BTreeSet<String> = ["analysis", "loss", "problem"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(names, expected);
}
