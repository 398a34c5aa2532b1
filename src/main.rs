//! The Descent Lab binary: installs the panic hook and mounts the app.

/// Talc instead of Rust's default dlmalloc on wasm: smaller in the first load (BENCHMARKS.md, "Size").
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(descent_lab::app::App);
}
