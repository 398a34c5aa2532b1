//! # descent-core: the mathematics of Descent Lab
//!
//! Everything the lesson computes lives here, with no screen attached: data, models,
//! losses and their derivatives, gradient descent and the optimizers of `torch.optim`
//! (momentum, Nesterov, RMSProp, Adam), the analysis behind the charts, table
//! parsing, models typed as formulas (`formula`: parsed, differentiated exactly by dual
//! numbers, their derivatives printed for reading), presets, the lesson state with its
//! encodings, the rounding of numbers for people to read, and the step history written
//! out as CSV, Markdown or LaTeX. The web app only calls it.
//!
//! ## Conventions
//! - `f64` everywhere.
//! - A loss is a **sum** unless its name says mean: the lecture's L2 loss is
//!   `L = Σᵢ (yᵢ − ŷ(xᵢ))²`, not a mean.
//! - Parameter names follow the lecture: `a`, `b`; `γ` (`learning_rate`) is the step size
//!   of gradient descent.
//! - Parameters are passed as slices in the order of [`Model::param_names`]. A parameter
//!   may be *frozen*: it keeps its value and its gradient entry is reported as 0.
//! - Nothing here panics on user data: bad input comes back as a typed error.
//!
//! ## Imports run one way
//! Each module uses only the modules ARCHITECTURE.md's core table lists for it, so there
//! is no circle inside the core; the app's `tests/architecture.rs` reads that table and
//! the code, and fails when they disagree.
//!
//! ```
//! use descent_core::{presets, Loss, Model};
//! let lesson = presets::lecture();
//! let eval = lesson.problem().evaluate(&[8.0]);
//! assert!((eval.loss - 402.57).abs() < 1e-9);
//! assert!((eval.gradient[0] + 447.3).abs() < 1e-9);
//! ```

pub mod analysis;
pub mod data;
pub mod decimal;
mod encoding;
pub mod export;
pub mod formula;
mod json;
pub mod lesson;
pub mod loss;
pub mod model;
pub mod normal;
pub mod number;
pub mod optimizer;
pub mod parametric;
pub mod presets;
pub mod problem;
pub mod race;
pub mod range;
pub mod session;
pub mod surface;
pub mod table;
pub mod tour;

pub use analysis::{Curve, Extremum, ExtremumKind, Optimum};
pub use data::{Dataset, Labels, Point};
pub use export::HistoryTable;
pub use formula::{FormulaError, FormulaModel, ParseOptions};
pub use lesson::{Lesson, LessonError};
pub use loss::{Evaluation, Loss, Residual};
pub use model::{Model, ParametricModel, MAX_PARAMS};
pub use number::{Notation, Rounded};
pub use optimizer::{
    Adam, GradientDescent, HyperparameterError, Momentum, Nesterov, Optimizer, Outcome, RmsProp,
    Run, Step, StopRule,
};
pub use problem::Problem;
pub use session::{
    LandscapeKey, LossLandscape, MapKey, MapProgress, NotShareable, ParamInput, Session, Tangent,
};
pub use table::{parse_number, CellError, NumberError, ParsedTable, Table, TableError};
