//! The formula parser on any text, in both interface languages: it must never panic (no
//! text overflows the stack: the parser's depth is bounded), every error's span must lie
//! on the text's character boundaries, and a formula it accepts must read back from its
//! canonical form to the same tree, evaluate, differentiate and print its derivatives.
#![no_main]

use descent_core::formula::{ErrorKind, FormulaModel, ParseOptions};
use descent_core::{ParametricModel, Point};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for decimal_comma in [false, true] {
        let options = ParseOptions { decimal_comma };
        match FormulaModel::parse(&text, options) {
            Ok(model) => {
                assert!((1..=4).contains(&model.param_count()));
                // The printed forms read back, unless printing made them longer or deeper
                // than the limits (`2a` is printed `2*a`, `x²` is `x^2`).
                let within_limits = |e: &descent_core::FormulaError| {
                    matches!(e.kind, ErrorKind::TooLong { .. } | ErrorKind::TooDeep)
                };
                match FormulaModel::parse(&model.canonical(), ParseOptions::default()) {
                    Ok(again) => {
                        assert_eq!(again.expr().without_spans(), model.expr().without_spans())
                    }
                    Err(e) => assert!(within_limits(&e), "{e}"),
                }
                if let Err(e) = FormulaModel::parse(&model.pretty(decimal_comma), options) {
                    assert!(within_limits(&e), "{e}");
                }
                let params = [0.5, -1.5, 2.0, 3.0];
                for x in [-2.0, 0.0, 1.25, 1e300] {
                    let value = model.predict(&params, x);
                    let dual = model.dual(&params, x);
                    assert!(value.to_bits() == dual.value.to_bits() || value.is_nan());
                    let _ = model.prediction_gradient(&params, x);
                }
                for i in 0..model.param_count() {
                    assert!(model.derivative_text(i, decimal_comma).is_some());
                }
                let rows = [Point::new(0.0, 1.0), Point::new(-1.0, 2.0)];
                for row in model.undefined_rows(&params, &rows) {
                    assert!(row.undefined.span.end <= text.len());
                }
            }
            Err(e) => {
                assert!(e.span.start <= e.span.end && e.span.end <= text.len());
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
    }
});
