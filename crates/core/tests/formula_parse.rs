//! The formula parser: precedence, associativity, products without a sign, typographic
//! forms, decimal commas, and every error with the span a teacher would see underlined.
#![allow(clippy::unwrap_used)]

use descent_core::formula::{parse_expr, ErrorKind, FormulaModel, Func, ParseOptions, MAX_DEPTH};

const EN: ParseOptions = ParseOptions {
    decimal_comma: false,
};
const LT: ParseOptions = ParseOptions {
    decimal_comma: true,
};

/// The tree of `text`, written back in plain ASCII with every parenthesis it needs.
fn tree(text: &str) -> String {
    parse_expr(text, EN).unwrap().to_ascii()
}

/// Both texts read to the same tree.
fn same(a: &str, b: &str) {
    let ta = parse_expr(a, EN).unwrap().without_spans();
    let tb = parse_expr(b, EN).unwrap().without_spans();
    assert_eq!(
        ta,
        tb,
        "{a} and {b}: {} vs {}",
        ta.to_ascii(),
        tb.to_ascii()
    );
}

/// The error of `text` and the underlined part of it.
fn error(text: &str, options: ParseOptions) -> (ErrorKind, String) {
    let e = FormulaModel::parse(text, options).unwrap_err();
    let underlined = text.get(e.span.start..e.span.end).unwrap().to_string();
    (e.kind, underlined)
}

#[test]
fn precedence_follows_mathematics() {
    same("a + b*x", "a + (b*x)");
    same("a*x + b", "(a*x) + b");
    same("a - b/x", "a - (b/x)");
    same("a*x^2", "a*(x^2)");
    same("-x^2", "-(x^2)");
    same("-x²", "-(x^2)");
    same("-a*x", "(-a)*x");
    same("2^-x", "2^(-x)");
    same("a*-x", "a*(-x)");
    same("a + b*x^2 - c/d", "(a + (b*(x^2))) - (c/d)");
    assert_eq!(tree("-x^2"), "-x^2");
    assert_eq!(tree("(-x)^2"), "(-x)^2");
}

#[test]
fn associativity() {
    same("a - b - x", "(a - b) - x");
    same("a / b / x", "(a / b) / x");
    same("a^b^x", "a^(b^x)");
    same("a^b²", "a^(b^2)");
    assert_eq!(tree("a - (b - x)"), "a - (b - x)");
    assert_eq!(tree("(a^b)^x"), "(a^b)^x");
}

#[test]
fn products_without_a_sign() {
    same("2a", "2*a");
    same("a x", "a*x");
    same("2(x + 1)", "2*(x + 1)");
    same("a sin(x)", "a*sin(x)");
    same("(a)(x)", "a*x");
    same("2a^2", "2*(a^2)");
    same("a*x + b - 2a^2", "a*x + b - 2*a^2");
    same("2pi x", "2*pi*x");
    // As `*`: left to right, so 1/2a is (1/2)·a.
    same("1/2a", "(1/2)*a");
}

#[test]
fn typographic_forms() {
    same("a·x + b − 2a²", "a*x + b - 2*a^2");
    same("a×x³", "a*x^3");
    same("π a", "pi*a");
    same("a ÷ x", "a/x");
    same("a⋅x − −b", "a*x - (-b)");
    same("a x²", "a*x^2");
}

#[test]
fn numbers_and_decimal_commas() {
    let value = |text: &str, options| {
        use descent_core::ParametricModel;
        FormulaModel::parse(text, options)
            .unwrap()
            .predict(&[1.0], 2.0)
    };
    assert_eq!(value("2.5a", EN), 2.5);
    assert_eq!(value("2.5a", LT), 2.5);
    assert_eq!(value("2,5a", LT), 2.5);
    assert_eq!(value(".5a", EN), 0.5);
    assert_eq!(value("a x^0,5", LT), 2f64.powf(0.5));
    // A comma is a decimal comma only between digits, and only in Lithuanian.
    assert_eq!(
        error("2,5a", EN),
        (
            ErrorKind::MisplacedComma {
                decimal_comma: false
            },
            ",".into()
        )
    );
    assert_eq!(
        error("sin(a, x)", LT),
        (
            ErrorKind::MisplacedComma {
                decimal_comma: true
            },
            ",".into()
        )
    );
    assert_eq!(
        error("a,5", LT).0,
        ErrorKind::MisplacedComma {
            decimal_comma: true
        }
    );
    assert_eq!(
        error(&format!("a*1{}", "0".repeat(400)), EN).0,
        ErrorKind::NumberTooLarge
    );
}

#[test]
fn functions_and_constants() {
    use descent_core::ParametricModel;
    let at = |text: &str, a: f64, x: f64| FormulaModel::parse(text, EN).unwrap().predict(&[a], x);
    assert_eq!(at("a*sin(x)", 2.0, 1.0), 2.0 * 1f64.sin());
    assert_eq!(at("log(a x)", 10.0, 10.0), 2.0);
    assert_eq!(at("ln(a e)", 1.0, 0.0), 1.0);
    assert_eq!(at("a sigmoid(x)", 1.0, 0.0), 0.5);
    assert_eq!(at("abs(a) sqrt(x)", -3.0, 4.0), 6.0);
    assert_eq!(at("a pi", 2.0, 0.0), 2.0 * std::f64::consts::PI);
    assert_eq!(at("a tanh(x)", 1.0, 0.5), 0.5f64.tanh());
}

#[test]
fn spans_cover_what_each_node_was_read_from() {
    let text = "a·x + sin(b x)";
    let e = parse_expr(text, EN).unwrap();
    assert_eq!((e.span.start, e.span.end), (0, text.len()));
    let descent_core::formula::Node::Binary(_, left, right) = &e.node else {
        panic!("a sum")
    };
    assert_eq!(&text[left.span.start..left.span.end], "a·x");
    assert_eq!(&text[right.span.start..right.span.end], "sin(b x)");
    // In characters, as the field's data-start/data-end give them.
    assert_eq!(right.span.chars(text), (6, 14));
}

#[test]
fn every_error_says_where() {
    let cases: Vec<(&str, ErrorKind, &str)> = vec![
        ("", ErrorKind::Empty, ""),
        ("   ", ErrorKind::Empty, "   "),
        (
            "sinn(x) a",
            ErrorKind::UnknownName {
                name: "sinn".into(),
                suggestion: Some("sin"),
            },
            "sinn",
        ),
        (
            "a*Sin(x)",
            ErrorKind::UnknownName {
                name: "Sin".into(),
                suggestion: Some("sin"),
            },
            "Sin",
        ),
        (
            "a*qq",
            ErrorKind::UnknownName {
                name: "qq".into(),
                suggestion: None,
            },
            "qq",
        ),
        (
            "ax + b",
            ErrorKind::ProductWithoutOperator {
                name: "ax".into(),
                product: "a*x".into(),
                spaced: "a x".into(),
            },
            "ax",
        ),
        (
            "a*sinx",
            ErrorKind::FunctionWithoutParenthesis {
                function: Func::Sin,
                suggestion: "sin(x)".into(),
            },
            "sinx",
        ),
        (
            "a*sin x",
            ErrorKind::FunctionWithoutParenthesis {
                function: Func::Sin,
                suggestion: "sin(x)".into(),
            },
            "sin",
        ),
        ("a*(x + 1", ErrorKind::MissingCloseParen, "("),
        ("a*sin(x", ErrorKind::MissingCloseParen, "("),
        ("a*x + 1)", ErrorKind::UnmatchedCloseParen, ")"),
        (")a", ErrorKind::UnmatchedCloseParen, ")"),
        ("a*()", ErrorKind::EmptyParens, "()"),
        (
            "a*x +",
            ErrorKind::MissingOperand {
                operator: "+".into(),
            },
            "+",
        ),
        (
            "a*(x −)",
            ErrorKind::MissingOperand {
                operator: "−".into(),
            },
            "−",
        ),
        (
            "a^",
            ErrorKind::MissingOperand {
                operator: "^".into(),
            },
            "^",
        ),
        (
            "a * / x",
            ErrorKind::MissingOperand {
                operator: "*".into(),
            },
            "*",
        ),
        (
            "*a",
            ErrorKind::NothingBefore {
                operator: "*".into(),
            },
            "*",
        ),
        ("a x2", ErrorKind::MissingOperator, "2"),
        ("2 3 a", ErrorKind::MissingOperator, "3"),
        ("a = x", ErrorKind::UnexpectedChar('='), "="),
        ("2*x + 1", ErrorKind::NoParameter, "2*x + 1"),
        (" pi ", ErrorKind::NoParameter, "pi"),
    ];
    for (text, kind, underlined) in cases {
        assert_eq!(error(text, EN), (kind, underlined.to_string()), "{text:?}");
    }
}

#[test]
fn too_long_underlines_what_is_past_the_limit() {
    let text = format!("a{}", "+x".repeat(250)); // 501 characters
    let (kind, underlined) = error(&text, EN);
    assert_eq!(kind, ErrorKind::TooLong { chars: 501 });
    assert_eq!(underlined, "x");
    // 500 characters are fine.
    let fits = format!("a{} ", "+x".repeat(249));
    assert_eq!(fits.chars().count(), 500);
    assert!(FormulaModel::parse(&fits, EN).is_ok());
    // Characters, not bytes: 500 typographic minus signs (3 bytes each) before an a.
    let minus = format!("{}a", "−".repeat(499));
    assert!(matches!(error(&minus, EN).0, ErrorKind::TooDeep));
}

#[test]
fn nesting_deeper_than_64_levels_is_refused_without_overflowing_the_stack() {
    let nested = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
    assert!(FormulaModel::parse(&nested(MAX_DEPTH), EN).is_ok());
    let e = FormulaModel::parse(&nested(MAX_DEPTH + 1), EN).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
    // Underlined: the parenthesis that went one level too deep.
    assert_eq!(e.span.start, MAX_DEPTH);
    for text in [
        "-".repeat(200) + "a",
        "a^".repeat(150) + "a",
        "sin(".repeat(80) + "a" + &")".repeat(80),
        "(".repeat(400),
    ] {
        assert_eq!(
            FormulaModel::parse(&text, EN).unwrap_err().kind,
            ErrorKind::TooDeep,
            "{text}"
        );
    }
    // 100 000 parentheses: refused (too long) at once, nothing recursed.
    let huge = "(".repeat(100_000);
    assert_eq!(
        FormulaModel::parse(&huge, EN).unwrap_err().kind,
        ErrorKind::TooLong { chars: 100_000 }
    );
    // And the parser itself refuses them by depth, whatever the length.
    let tokens = descent_core::formula::lexer::tokens(&huge, false).unwrap();
    let e = descent_core::formula::parser::parse(&tokens, huge.len(), false).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooDeep);
}

#[test]
fn messages_read_well_in_english() {
    let e = FormulaModel::parse("sinn(a x)", EN).unwrap_err();
    assert_eq!(e.to_string(), "unknown name “sinn”: did you mean sin?");
    let e = FormulaModel::parse("ax", EN).unwrap_err();
    assert_eq!(
        e.to_string(),
        "“ax” is not a name: for a product write a*x or a x"
    );
}
