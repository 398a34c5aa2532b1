//! A typed formula as the session's model (issue 11): setting it from the field's text
//! (the last good model stays while the text is wrong), its symbolic derivatives, and the
//! rows where its prediction is not a finite number at the current parameters (then Step
//! refuses: [`Session::step`]; they are read in `current.rs`, with L and ∇L).

use super::Session;
use crate::formula::{FormulaError, ParseOptions};
use crate::model::Model;

/// The formula text a built-in model is the same as, to start the field with when
/// "Own formula…" is picked: typing it gives the same numbers to the last bit.
pub fn formula_of(model: &Model) -> String {
    match model {
        Model::Linear => "a*x".to_owned(),
        Model::Affine => "a*x + b".to_owned(),
        Model::NonConvex => "a*x + b - 2a^2".to_owned(),
        Model::Formula(f) => f.source().to_owned(),
    }
}

impl Session {
    /// Makes the typed formula the model, carrying over the parameters it shares by name
    /// with the model before; when `text` cannot be used, the model stays as it is and
    /// the error says what is wrong and where. Typing the same text again changes
    /// nothing (the run keeps its history).
    pub fn set_formula(&mut self, text: &str, options: ParseOptions) -> Result<(), FormulaError> {
        let model = Model::parse_formula(text, options)?;
        self.set_model(model);
        Ok(())
    }

    /// ∂ŷ/∂θ of a typed formula for each parameter, as `(name, formula)`, written as a
    /// slide writes it (`x − 4a`); empty for a built-in model.
    pub fn derivative_texts(&self, decimal_comma: bool) -> Vec<(&'static str, String)> {
        let Some(formula) = self.lesson.model.as_formula() else {
            return Vec::new();
        };
        formula
            .param_names()
            .into_iter()
            .enumerate()
            .filter_map(|(i, name)| Some((name, formula.derivative_text(i, decimal_comma)?)))
            .collect()
    }
}
