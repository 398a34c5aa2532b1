//! The words of the formula field (issue 11): its labels, what is wrong with a typed
//! formula, and why a prediction is not defined at a row. Plain values in (a mirror of
//! the core's error kinds, so that `i18n` stays free of the core's formula module), text
//! out, in Lithuanian and English.

use super::Lang;

/// What is wrong with a typed formula, as the message needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormulaProblem<'a> {
    /// This build has no typed formulas (the first-load build hands them to the full one).
    NotInThisBuild,
    /// Nothing typed.
    Empty,
    /// Too many characters.
    TooLong {
        /// How many were typed.
        chars: usize,
        /// How many are allowed.
        max: usize,
    },
    /// Nested too deeply.
    TooDeep {
        /// The deepest allowed.
        max: usize,
    },
    /// A character no formula has.
    UnexpectedChar(char),
    /// A comma that is not a decimal comma.
    MisplacedComma {
        /// Whether the interface reads a comma between digits as a decimal comma.
        decimal_comma: bool,
    },
    /// A number too large.
    NumberTooLarge,
    /// A name not known, with the nearest known one.
    UnknownName {
        /// As typed.
        name: &'a str,
        /// The nearest known name.
        suggestion: Option<&'a str>,
    },
    /// Letters together where a product was meant (`ax`).
    Product {
        /// As typed.
        name: &'a str,
        /// `a*x`.
        product: &'a str,
        /// `a x`.
        spaced: &'a str,
    },
    /// A function without its parenthesis (`sin x`).
    FunctionWithoutParenthesis {
        /// What to write: `sin(x)`.
        suggestion: &'a str,
    },
    /// A `(` never closed.
    MissingCloseParen,
    /// A `)` never opened.
    UnmatchedCloseParen,
    /// `()`.
    EmptyParens,
    /// An operator with nothing after it.
    MissingOperand {
        /// The operator.
        operator: &'a str,
    },
    /// An operator with nothing before it.
    NothingBefore {
        /// The operator.
        operator: &'a str,
    },
    /// A number right after a value.
    MissingOperator,
    /// No parameter a, b, c or d.
    NoParameter,
}

/// Why a prediction is not a finite number, as the message needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndefinedWhy {
    /// ln or log of a negative number.
    LogOfNegative,
    /// ln or log of 0.
    LogOfZero,
    /// Division by zero.
    DivisionByZero,
    /// √ of a negative number.
    SqrtOfNegative,
    /// A negative number to a power that is not whole.
    NegativeBase,
    /// Too large a number.
    Overflow,
    /// A parameter that is not finite.
    ParameterNotFinite,
    /// A finite value with an infinite derivative.
    NoDerivative,
}

/// The fixed words of the formula field.
#[derive(Clone, Copy, Debug)]
pub struct FormulaWords {
    /// The model picker's option.
    pub option: &'static str,
    /// What the own-formula model is, under the picker.
    pub description: &'static str,
    /// The examples menu's first line.
    pub examples: &'static str,
    /// The field's accessible name.
    pub field_label: &'static str,
    /// Before the derivatives.
    pub derivatives: &'static str,
    /// L where the formula is not defined.
    pub loss_not_defined: &'static str,
    /// Under the error: the model in use meanwhile.
    pub still_in_use: &'static str,
    /// In the loss chart when the formula is undefined over the whole curve.
    pub chart_not_defined: &'static str,
}

/// The fixed words in `lang`.
pub fn formula_words(lang: Lang) -> FormulaWords {
    match lang {
        Lang::Lt => FormulaWords {
            option: "Sava formulė…",
            description: "Įrašykite modelį su x ir parametrais a, b, c, d: pvz., a*x^2 arba a*sin(b*x). Išvestinės apskaičiuojamos tiksliai.",
            examples: "Pavyzdžiai…",
            field_label: "Modelio formulė",
            derivatives: "Išvestinės",
            loss_not_defined: "čia neapibrėžta",
            still_in_use: "Kol formulė taisoma, veikia paskutinis geras modelis:",
            chart_not_defined: "L čia neapibrėžta: kai kuriose eilutėse ŷ nėra skaičius",
        },
        Lang::En => FormulaWords {
            option: "Own formula…",
            description: "Type a model in x with parameters a, b, c, d: e.g. a*x^2 or a*sin(b*x). Its derivatives are computed exactly.",
            examples: "Examples…",
            field_label: "Model formula",
            derivatives: "Derivatives",
            loss_not_defined: "not defined here",
            still_in_use: "While the formula is being fixed, the last good model stays:",
            chart_not_defined: "L is not defined here: ŷ is not a number at some rows",
        },
    }
}

/// What is wrong with a typed formula, in `lang`.
pub fn formula_problem(lang: Lang, problem: FormulaProblem<'_>) -> String {
    use FormulaProblem as P;
    match lang {
        Lang::Lt => match problem {
            P::NotInThisBuild => "Formulės atsidaro pilnoje programos versijoje.".to_owned(),
            P::Empty => "Įrašykite formulę, pvz., a*x + b.".to_owned(),
            P::TooLong { chars, max } => {
                format!("Formulė ilga {chars} simbolių; leidžiama ne daugiau kaip {max}.")
            }
            P::TooDeep { max } => format!("Įdėta giliau nei {max} lygių."),
            P::UnexpectedChar(c) => format!("„{c}“ negali būti formulės dalis."),
            P::MisplacedComma {
                decimal_comma: true,
            } => "Kablelis yra dešimtainis tik tarp skaitmenų (2,5).".to_owned(),
            P::MisplacedComma {
                decimal_comma: false,
            } => "Rašykite dešimtainį tašką (2.5).".to_owned(),
            P::NumberTooLarge => "Šis skaičius per didelis.".to_owned(),
            P::UnknownName {
                name,
                suggestion: Some(s),
            } => format!("Nežinomas vardas „{name}“: gal turėjote omenyje {s}?"),
            P::UnknownName {
                name,
                suggestion: None,
            } => {
                format!("Nežinomas vardas „{name}“: naudokite x, a, b, c, d, pi, e arba funkciją.")
            }
            P::Product {
                name,
                product,
                spaced,
            } => format!("„{name}“ nėra vardas: sandaugą rašykite {product} arba {spaced}."),
            P::FunctionWithoutParenthesis { suggestion } => {
                format!("Funkcijai reikia skliaustų: {suggestion}.")
            }
            P::MissingCloseParen => "Šis skliaustas niekur neuždarytas.".to_owned(),
            P::UnmatchedCloseParen => "Šis skliaustas niekur neatidarytas.".to_owned(),
            P::EmptyParens => "Skliaustuose nieko nėra.".to_owned(),
            P::MissingOperand { operator } => format!("Po „{operator}“ nieko nėra."),
            P::NothingBefore { operator } => format!("Prieš „{operator}“ nieko nėra."),
            P::MissingOperator => "Prieš šį skaičių trūksta veiksmo ženklo (* + − / ^).".to_owned(),
            P::NoParameter => {
                "Modeliui reikia parametro, kurį jis mokytųsi: a, b, c arba d.".to_owned()
            }
        },
        Lang::En => match problem {
            P::NotInThisBuild => "Typed formulas open in the full version of the app.".to_owned(),
            P::Empty => "Type a formula, for example a*x + b.".to_owned(),
            P::TooLong { chars, max } => {
                format!("The formula is {chars} characters long; at most {max} are allowed.")
            }
            P::TooDeep { max } => format!("Nested more than {max} levels deep."),
            P::UnexpectedChar(c) => format!("“{c}” cannot be part of a formula."),
            P::MisplacedComma {
                decimal_comma: true,
            } => "A comma is a decimal comma only between digits (2,5).".to_owned(),
            P::MisplacedComma {
                decimal_comma: false,
            } => "Write a decimal point (2.5), not a comma.".to_owned(),
            P::NumberTooLarge => "This number is too large.".to_owned(),
            P::UnknownName {
                name,
                suggestion: Some(s),
            } => format!("Unknown name “{name}”: did you mean {s}?"),
            P::UnknownName {
                name,
                suggestion: None,
            } => format!("Unknown name “{name}”: use x, a, b, c, d, pi, e or a function."),
            P::Product {
                name,
                product,
                spaced,
            } => format!("“{name}” is not a name: for a product write {product} or {spaced}."),
            P::FunctionWithoutParenthesis { suggestion } => {
                format!("A function needs parentheses: {suggestion}.")
            }
            P::MissingCloseParen => "This parenthesis is never closed.".to_owned(),
            P::UnmatchedCloseParen => "This parenthesis was never opened.".to_owned(),
            P::EmptyParens => "Nothing inside the parentheses.".to_owned(),
            P::MissingOperand { operator } => format!("Nothing after “{operator}”."),
            P::NothingBefore { operator } => format!("Nothing before “{operator}”."),
            P::MissingOperator => {
                "An operator is missing before this number (* + − / ^).".to_owned()
            }
            P::NoParameter => "The model needs a parameter to learn: a, b, c or d.".to_owned(),
        },
    }
}

/// Why ŷ is not defined, as a phrase: "ln of a negative number".
fn why(lang: Lang, why: UndefinedWhy) -> &'static str {
    use UndefinedWhy as W;
    match (lang, why) {
        (Lang::Lt, W::LogOfNegative) => "neigiamo skaičiaus logaritmas",
        (Lang::Lt, W::LogOfZero) => "nulio logaritmas",
        (Lang::Lt, W::DivisionByZero) => "dalyba iš nulio",
        (Lang::Lt, W::SqrtOfNegative) => "kvadratinė šaknis iš neigiamo skaičiaus",
        (Lang::Lt, W::NegativeBase) => "neigiamas skaičius kėlimo trupmeniniu laipsniu pagrinde",
        (Lang::Lt, W::Overflow) => "rezultatas per didelis",
        (Lang::Lt, W::ParameterNotFinite) => "parametras nėra baigtinis skaičius",
        (Lang::Lt, W::NoDerivative) => "išvestinė čia begalinė",
        (Lang::En, W::LogOfNegative) => "ln of a negative number",
        (Lang::En, W::LogOfZero) => "ln of 0",
        (Lang::En, W::DivisionByZero) => "division by zero",
        (Lang::En, W::SqrtOfNegative) => "square root of a negative number",
        (Lang::En, W::NegativeBase) => "a negative number to a power that is not whole",
        (Lang::En, W::Overflow) => "a result too large",
        (Lang::En, W::ParameterNotFinite) => "a parameter is not a finite number",
        (Lang::En, W::NoDerivative) => "the derivative is infinite here",
    }
}

/// The status line while the formula is not defined at some rows: the first row (counted
/// from 1) and its x, already formatted, why, and how many rows in all; Step does nothing.
pub fn formula_undefined(
    lang: Lang,
    row: usize,
    x: &str,
    reason: UndefinedWhy,
    rows: usize,
) -> String {
    let reason = why(lang, reason);
    match lang {
        Lang::Lt => {
            let more = if rows > 1 {
                format!(" (iš viso eilučių: {rows})")
            } else {
                String::new()
            };
            format!(
                "ŷ neapibrėžtas eilutėje Nr. {row} (x = {x}): {reason}{more}. L čia neapibrėžta, \
                 todėl žingsnis nedaromas: pakeiskite parametrus, duomenis arba formulę."
            )
        }
        Lang::En => {
            let more = if rows > 1 {
                format!(" ({rows} rows in all)")
            } else {
                String::new()
            };
            format!(
                "ŷ is not defined at row {row} (x = {x}): {reason}{more}. L is not defined \
                 here, so Step does nothing: change the parameters, the data or the formula."
            )
        }
    }
}

/// What a share link's formula has wrong, after the bad-link notice: the formula as the
/// link holds it and the message of [`formula_problem`].
pub fn formula_link_problem(lang: Lang, text: &str, message: &str) -> String {
    match lang {
        Lang::Lt => format!("Nuorodos formulės „{text}“ naudoti negalima: {message}"),
        Lang::En => format!("The link’s formula “{text}” cannot be used: {message}"),
    }
}
