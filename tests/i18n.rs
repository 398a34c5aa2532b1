//! The bilingual layer: number formats, plural forms, the choice of language and the
//! completeness of both string tables.

use descent_lab::i18n::{
    cell_empty, cell_not_a_number, data_chart_alt, delete_row_label, diverged, format_exact,
    format_number, learning_rate_limit, loss_chart_alt, lt_plural, more_rows, row_count,
    rows_ignored, step_count, step_limit_reached, strings, too_many_rows, Lang,
};

/// The lecture's table.
const XS: [f64; 3] = [2.0, 4.5, 10.0];
const YS: [f64; 3] = [19.6, 44.1, 98.0];

/// L(a) = Σ(y − a·x)², computed the way the app computes it, float noise included.
fn lecture_loss(a: f64) -> f64 {
    XS.iter().zip(YS).map(|(x, y)| (y - a * x).powi(2)).sum()
}

/// ∂L/∂a = Σ −2x(y − a·x).
fn lecture_derivative(a: f64) -> f64 {
    XS.iter().zip(YS).map(|(x, y)| -2.0 * x * (y - a * x)).sum()
}

/// Asserts the English and Lithuanian readouts of `value`.
#[track_caller]
fn assert_formats(value: f64, english: &str, lithuanian: &str) {
    assert_eq!(
        format_number(value, Lang::En),
        english,
        "English for {value:?}"
    );
    assert_eq!(
        format_number(value, Lang::Lt),
        lithuanian,
        "Lithuanian for {value:?}"
    );
}

#[test]
fn lecture_figures_format_in_both_languages() {
    assert_formats(402.57, "402.57", "402,57");
    assert_formats(-447.3, "−447.3", "−447,3");
    assert_formats(79.52, "79.52", "79,52");
    assert_formats(-198.8, "−198.8", "−198,8");
    assert_formats(2862.72, "2862.72", "2862,72");
    assert_formats(-1192.8, "−1192.8", "−1192,8");
    assert_formats(4.97, "4.97", "4,97");
    assert_formats(49.7, "49.7", "49,7");
    assert_formats(359.0825, "359.0825", "359,0825");
    assert_formats(422.45, "422.45", "422,45");
    assert_formats(9.8, "9.8", "9,8");
    assert_formats(0.003, "0.003", "0,003");
    assert_formats(9.3419, "9.3419", "9,3419");
    assert_formats(9.683414, "9.683414", "9,683414");
    assert_formats(9.770329, "9.770329", "9,770329");
    assert_formats(0.2545, "0.2545", "0,2545");
    assert_formats(0.008048, "0.008048", "0,008048");
    // The γ limit 1/Σx² = 0.0080482897…: seven digits end in a zero, which is dropped.
    assert_formats(1.0 / 124.25, "0.00804829", "0,00804829");
    assert_formats(1217.65, "1217.65", "1217,65");
    assert_formats(124.25, "124.25", "124,25");
    assert_formats(29.7, "29.7", "29,7");
    assert_formats(-0.25, "−0.25", "−0,25");
    assert_formats(0.01125, "0.01125", "0,01125");
    assert_formats(0.0260, "0.026", "0,026");
    assert_formats(19.6, "19.6", "19,6");
    assert_formats(4.5, "4.5", "4,5");
    assert_formats(98.0, "98", "98");
}

#[test]
fn computed_lecture_figures_lose_their_float_noise() {
    // Computed, these carry binary noise: L(5) = 2862.7200000000003, L(10) =
    // 4.969999999999996, ∂L/∂a(10) = 49.69999999999998.
    let expected = [
        (5.0, "2862.72", "−1192.8"),
        (8.0, "402.57", "−447.3"),
        (9.0, "79.52", "−198.8"),
        (9.8, "0", "0"),
        (10.0, "4.97", "49.7"),
        (11.5, "359.0825", "422.45"),
    ];
    for (a, loss, derivative) in expected {
        assert_eq!(format_number(lecture_loss(a), Lang::En), loss, "L({a})");
        assert_eq!(
            format_number(lecture_derivative(a), Lang::En),
            derivative,
            "∂L/∂a({a})"
        );
    }
}

#[test]
fn descent_from_eight_shows_the_lecture_steps() {
    let mut a = 8.0;
    let mut shown = Vec::new();
    for _ in 0..5 {
        a -= 0.003 * lecture_derivative(a);
        shown.push(format_number(a, Lang::Lt));
    }
    // The lecture lists these to seven significant digits; computed, the second is
    // 9.683413550000001.
    assert_eq!(
        shown,
        ["9,3419", "9,683414", "9,770329", "9,792449", "9,798078"]
    );
}

#[test]
fn readouts_carry_the_lecture_figures_to_seven_digits_in_both_languages() {
    // Computed the way the app computes them, binary noise included.
    assert_formats(lecture_loss(11.5), "359.0825", "359,0825");
    let mut a = 8.0;
    let mut shown = Vec::new();
    for _ in 0..3 {
        a -= 0.003 * lecture_derivative(a);
        shown.push(a);
    }
    assert_formats(shown[1], "9.683414", "9,683414");
    assert_formats(shown[2], "9.770329", "9,770329");
}

#[test]
fn rounding_carries_into_a_new_digit() {
    assert_formats(9.9999995, "10", "10");
    assert_formats(-9.9999995, "−10", "−10");
    assert_formats(99.999_996, "100", "100");
    assert_formats(99.99996, "99.99996", "99,99996");
    assert_formats(0.1 + 0.2, "0.3", "0,3");
}

#[test]
fn zero_never_shows_a_sign() {
    assert_formats(0.0, "0", "0");
    assert_formats(-0.0, "0", "0");
    assert_eq!(format_exact(-0.0), "0");
}

#[test]
fn very_large_and_very_small_numbers_use_scientific_notation() {
    assert_formats(1e-7, "1e−7", "1e−7");
    assert_formats(1.5e-7, "1.5e−7", "1,5e−7");
    assert_formats(-2.5e-9, "−2.5e−9", "−2,5e−9");
    assert_formats(1e308, "1e308", "1e308");
    assert_formats(1.234567e6, "1.234567e6", "1,234567e6");
    assert_formats(1.2345678e6, "1.234568e6", "1,234568e6");
    assert_formats(5e-324, "4.940656e−324", "4,940656e−324");
    // The switch happens on the rounded value, at 10⁶ and 10⁻⁴.
    assert_formats(999_999.0, "999999", "999999");
    assert_formats(999_999.5, "999999.5", "999999,5");
    assert_formats(999_999.95, "1e6", "1e6");
    assert_formats(0.0001, "0.0001", "0,0001");
    assert_formats(0.000_099_999_995, "0.0001", "0,0001");
    assert_formats(0.000_099, "9.9e−5", "9,9e−5");
}

#[test]
fn non_finite_numbers_have_readable_signs() {
    assert_formats(f64::NAN, "—", "—");
    assert_formats(f64::INFINITY, "∞", "∞");
    assert_formats(f64::NEG_INFINITY, "−∞", "−∞");
}

#[test]
fn no_thousands_separator_in_either_language() {
    assert_formats(123_456.0, "123456", "123456");
    assert_formats(-98_765.4, "−98765.4", "−98765,4");
}

#[test]
fn every_readout_reads_back_through_the_table_parser() {
    let values = [
        402.57, -447.3, 359.0825, 0.003, 1.5e-7, -2.5e-9, 1e308, 123_456.0, 9.683414, -0.25, 5e-324,
    ];
    for value in values {
        for lang in Lang::ALL {
            let text = format_number(value, lang);
            let read = descent_core::parse_number(&text);
            let Ok(read) = read else {
                panic!("{text:?} does not parse: {read:?}");
            };
            // Seven significant digits are within half a unit in the seventh place.
            let tolerance = value.abs() * 1e-6;
            assert!((read - value).abs() <= tolerance, "{text:?} read as {read}");
        }
    }
}

#[test]
fn exact_values_round_trip() {
    let values = [
        402.57,
        -447.3,
        359.0825,
        0.003,
        1.5e-7,
        1e308,
        5e-324,
        9.683413550000001,
    ];
    for value in values {
        let text = format_exact(value);
        assert!(!text.contains(','), "{text}");
        assert_eq!(text.parse::<f64>(), Ok(value), "{text}");
    }
    assert_eq!(format_exact(402.57), "402.57");
    assert_eq!(format_exact(-447.3), "-447.3");
    assert_eq!(format_exact(1e308), "1e308");
    assert_eq!(format_exact(1.5e-7), "1.5e-7");
    assert_eq!(format_exact(f64::NAN), "NaN");
    assert_eq!(format_exact(f64::INFINITY), "Infinity");
    assert_eq!(format_exact(f64::NEG_INFINITY), "-Infinity");
}

#[test]
fn lithuanian_plural_forms_follow_the_last_digits() {
    let form = |n| lt_plural(n, "eilutė", "eilutės", "eilučių");
    for n in [1, 21, 31, 101, 121, 1001] {
        assert_eq!(form(n), "eilutė", "{n}");
    }
    for n in [2, 3, 9, 22, 29, 102, 109] {
        assert_eq!(form(n), "eilutės", "{n}");
    }
    for n in [0, 10, 11, 12, 15, 19, 20, 30, 100, 111, 112, 119, 1000] {
        assert_eq!(form(n), "eilučių", "{n}");
    }
}

#[test]
fn counted_nouns_agree_with_their_numbers() {
    assert_eq!(row_count(Lang::Lt, 1), "1 eilutė");
    assert_eq!(row_count(Lang::Lt, 3), "3 eilutės");
    assert_eq!(row_count(Lang::Lt, 12), "12 eilučių");
    assert_eq!(row_count(Lang::En, 1), "1 row");
    assert_eq!(row_count(Lang::En, 0), "0 rows");
    assert_eq!(step_count(Lang::Lt, 21), "21 žingsnis");
    assert_eq!(step_count(Lang::Lt, 5), "5 žingsniai");
    assert_eq!(step_count(Lang::Lt, 10), "10 žingsnių");
    assert_eq!(
        step_limit_reached(Lang::Lt, 21),
        "Sustabdyta po 21 žingsnio: minimumas dar nepasiektas."
    );
    assert_eq!(
        step_limit_reached(Lang::Lt, 1000),
        "Sustabdyta po 1000 žingsnių: minimumas dar nepasiektas."
    );
    assert_eq!(
        too_many_rows(Lang::En, 100_000),
        "The pasted text has more rows than a table holds (at most 100000 rows), so the \
         table is unchanged."
    );
    assert_eq!(
        too_many_rows(Lang::Lt, 100_000),
        "Įklijuotame tekste daugiau eilučių, nei telpa lentelėje (daugiausia 100000 \
         eilučių), todėl lentelė nepakeista."
    );
}

#[test]
fn ignored_rows_are_listed_with_agreeing_words() {
    assert_eq!(
        rows_ignored(Lang::Lt, &[3]),
        "Praleista 1 eilutė (Nr. 3): kiekvienoje eilutėje turi būti du skaičiai."
    );
    assert_eq!(
        rows_ignored(Lang::Lt, &[2, 5]),
        "Praleistos 2 eilutės (Nr. 2, 5): kiekvienoje eilutėje turi būti du skaičiai."
    );
    let eleven: Vec<usize> = (1..=11).collect();
    assert_eq!(
        rows_ignored(Lang::Lt, &eleven),
        "Praleista 11 eilučių (Nr. 1, 2, 3, 4, 5, …): kiekvienoje eilutėje turi būti du \
         skaičiai."
    );
    assert_eq!(
        rows_ignored(Lang::En, &[3]),
        "1 row ignored (row 3): each row needs two numbers."
    );
    assert_eq!(
        rows_ignored(Lang::En, &[2, 5]),
        "2 rows ignored (rows 2, 5): each row needs two numbers."
    );
    assert_eq!(rows_ignored(Lang::En, &[]), "");
}

#[test]
fn bad_cells_are_named_by_row_and_column() {
    assert_eq!(
        cell_not_a_number(Lang::En, 3, "F", "4,4,1"),
        "Row 3, column F: “4,4,1” is not a number."
    );
    assert_eq!(
        cell_not_a_number(Lang::Lt, 3, "F", "abc"),
        "Eilutė Nr. 3, stulpelis F: „abc“ nėra skaičius."
    );
    assert_eq!(
        cell_not_a_number(Lang::En, 2, "y", "  "),
        cell_empty(Lang::En, 2, "y")
    );
    let long = "x".repeat(200);
    assert!(cell_not_a_number(Lang::En, 1, "x", &long).chars().count() < 80);
}

#[test]
fn messages_with_values_insert_them() {
    assert_eq!(
        learning_rate_limit(Lang::En, "0.008048"),
        "γ must be below 0.008048, or gradient descent diverges."
    );
    assert!(learning_rate_limit(Lang::Lt, "0,008048").contains("0,008048"));
    assert!(diverged(Lang::Lt, Some("0,008048")).ends_with("mažesnį už 0,008048."));
    assert!(diverged(Lang::En, None).ends_with("Choose a smaller γ."));
}

#[test]
fn browser_languages_choose_the_first_known_one() {
    let choose = |tags: &[&str]| {
        let tags: Vec<String> = tags.iter().map(ToString::to_string).collect();
        Lang::from_browser_languages(&tags)
    };
    assert_eq!(choose(&["lt-LT", "en"]), Lang::Lt);
    assert_eq!(choose(&["en-US", "lt"]), Lang::En);
    assert_eq!(choose(&["de-DE", "lt"]), Lang::Lt);
    assert_eq!(choose(&["LT"]), Lang::Lt);
    assert_eq!(choose(&["lt_LT"]), Lang::Lt);
    assert_eq!(choose(&["lv", "ru"]), Lang::En);
    assert_eq!(choose(&[]), Lang::En);
    assert_eq!(choose(&["", "lt"]), Lang::Lt);
}

#[test]
fn language_codes_round_trip() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code(" LT "), Some(Lang::Lt));
    assert_eq!(Lang::from_code("lt-LT"), None);
    assert_eq!(Lang::from_code(""), None);
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn no_string_is_empty_or_padded() {
    for lang in Lang::ALL {
        for (field, text) in strings(lang).all() {
            assert!(!text.trim().is_empty(), "{lang:?}.{field} is empty");
            assert_eq!(text, text.trim(), "{lang:?}.{field} has outer whitespace");
            assert!(!text.contains("  "), "{lang:?}.{field} has a double space");
        }
    }
}

#[test]
fn both_tables_list_the_same_fields() {
    let names = |lang| -> Vec<&str> { strings(lang).all().into_iter().map(|(f, _)| f).collect() };
    assert_eq!(names(Lang::Lt), names(Lang::En));
}

#[test]
fn translations_differ_except_for_formulas() {
    // Column headers that are symbols read the same in every language.
    let same_everywhere = [
        "history_step",
        "history_a",
        "history_loss",
        "history_derivative",
    ];
    let english = strings(Lang::En).all();
    for ((field, lithuanian), (_, english)) in strings(Lang::Lt).all().into_iter().zip(english) {
        if same_everywhere.contains(&field) {
            assert_eq!(lithuanian, english, "{field}");
        } else {
            assert_ne!(lithuanian, english, "{field} is not translated");
        }
    }
}

#[test]
fn lithuanian_terms_follow_the_lecture_glossary() {
    let text: String = strings(Lang::Lt)
        .all()
        .into_iter()
        .map(|(_, text)| text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    for term in [
        "nuostolių funkcija",
        "gradientinis nusileidimas",
        "mokymosi greitis",
        "išvestinė",
        "spėjimas",
        "minimumas",
        "duomenys vs. modelio spėjimai",
        "kol pasieksime minimumą",
        "l2 nuostoliai",
        "parametras",
    ] {
        assert!(text.contains(term), "the Lithuanian table lacks “{term}”");
    }
    let lt = strings(Lang::Lt);
    assert_eq!(lt.panel_loss, "Nuostolių funkcija");
    assert_eq!(lt.panel_descent, "Gradientinis nusileidimas");
    assert_eq!(lt.learning_rate_label, "Mokymosi greitis γ");
    assert_eq!(lt.button_step, "Žingsnis");
    assert_eq!(lt.button_undo, "Atšaukti");
    assert_eq!(lt.button_reset, "Iš naujo");
    assert_eq!(lt.parameter_frozen, "užfiksuotas");
}

#[test]
fn english_terms_match_the_lecture() {
    let text: String = strings(Lang::En)
        .all()
        .into_iter()
        .map(|(_, text)| text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    for term in [
        "loss function",
        "gradient descent",
        "learning rate",
        "derivative",
        "prediction",
        "minimum",
    ] {
        assert!(text.contains(term), "the English table lacks “{term}”");
    }
    assert_eq!(strings(Lang::En).app_title, "Descent Lab");
}

#[test]
fn each_language_uses_its_own_quotation_marks_and_minus() {
    for (field, text) in strings(Lang::Lt).all() {
        assert!(
            !text.contains('“') || text.contains('„'),
            "LT {field}: {text}"
        );
        assert!(!text.contains(" - "), "LT {field} uses a hyphen as a dash");
    }
    for (field, text) in strings(Lang::En).all() {
        assert!(!text.contains('„'), "EN {field}: {text}");
        assert!(!text.contains(" - "), "EN {field} uses a hyphen as a dash");
    }
    // Formulas use the typographic minus, never a hyphen.
    for lang in Lang::ALL {
        for (field, text) in strings(lang).all() {
            assert!(!text.contains("a - "), "{lang:?}.{field}: {text}");
        }
    }
}

#[test]
fn keyboard_help_names_space_in_the_current_language() {
    let lt = strings(Lang::Lt).shortcuts();
    let en = strings(Lang::En).shortcuts();
    assert_eq!(lt.len(), 8);
    assert_eq!(lt[0].keys, ["PageDown", "→", "Tarpas"]);
    assert_eq!(en[0].keys, ["PageDown", "→", "Space"]);
    assert_eq!(en[4].keys, ["?"]);
    assert_eq!(en[5].keys, ["M"]);
    assert_eq!(en[6].keys, ["F"]);
    assert_eq!(en[7].keys, ["Esc"]);
}

#[test]
fn chart_alternatives_carry_the_current_numbers() {
    let lang = Lang::Lt;
    let a = format_number(8.0, lang);
    let loss = format_number(lecture_loss(8.0), lang);
    let derivative = format_number(lecture_derivative(8.0), lang);
    assert_eq!(
        loss_chart_alt(lang, &a, &loss, &derivative),
        "Nuostolių funkcijos L(a) grafikas; dabartinis taškas a = 8, kuriame L = 402,57, o \
         ∂L/∂a = −447,3."
    );
    assert_eq!(
        data_chart_alt(Lang::En, "ŷ = a·x", "8", "402.57", "−447.3"),
        "Chart of the data points and the model ŷ = a·x with a = 8; the loss is L = 402.57 \
         and ∂L/∂a = −447.3."
    );
    assert_eq!(more_rows(Lang::Lt, 22), "… ir dar 22 eilutės");
    assert_eq!(more_rows(Lang::En, 1), "… and 1 more row");
    assert_eq!(delete_row_label(Lang::Lt, 3), "Ištrinti eilutę Nr. 3");
}

#[test]
fn the_map_readout_writes_a_b_and_l_in_the_interface_language() {
    use descent_lab::i18n::{format_number, surface_readout};
    let (a, b, loss) = (8.2, -0.5, 402.57);
    let text = |lang| {
        let t = strings(lang);
        format!(
            "{} {}",
            t.surface_point,
            surface_readout(
                ["a", "b"],
                [&format_number(a, lang), &format_number(b, lang)],
                &format_number(loss, lang),
            )
        )
    };
    assert_eq!(
        text(Lang::Lt),
        "Taškas žemėlapyje: a = 8,2; b = −0,5; L = 402,57"
    );
    assert_eq!(
        text(Lang::En),
        "Point on the map: a = 8.2; b = −0.5; L = 402.57"
    );
}
