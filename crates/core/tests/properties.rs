//! Properties that hold for every input: derivatives match finite differences, losses
//! are never negative, small steps never climb, and no text makes the parser or the
//! lesson decoder panic.

use descent_core::lesson::Lesson;
use descent_core::loss::{self, Loss};
use descent_core::presets::Preset;
use descent_core::table::{parse_number, parse_table, Table};
use descent_core::{Dataset, GradientDescent, Labels, Model, Point, Problem};
use proptest::prelude::*;

fn points() -> impl Strategy<Value = Vec<Point>> {
    prop::collection::vec((-10.0..10.0f64, -50.0..50.0f64), 1..12)
        .prop_map(|v| v.into_iter().map(|(x, y)| Point::new(x, y)).collect())
}

fn model() -> impl Strategy<Value = Model> {
    prop::sample::select(Model::ALL.to_vec())
}

fn loss() -> impl Strategy<Value = Loss> {
    prop::sample::select(Loss::ALL.to_vec())
}

proptest! {
    #[test]
    fn analytic_gradient_equals_central_difference(
        pts in points(), model in model(), loss in loss(),
        a in -5.0..5.0f64, b in -5.0..5.0f64,
    ) {
        let params = vec![a, b][..model.param_count()].to_vec();
        let h = 1e-6;
        // L1 has kinks where a residual is 0; a difference across a kink means nothing.
        if loss == Loss::L1 {
            let near_kink = loss::residuals(&model, loss, &pts, &params).iter().any(|r| r.residual.abs() < 1e-3);
            prop_assume!(!near_kink);
        }
        let free = vec![true; params.len()];
        let eval = loss::evaluate(&model, loss, &pts, &params, &free);
        for i in 0..params.len() {
            let mut up = params.clone();
            let mut down = params.clone();
            up[i] += h;
            down[i] -= h;
            let numeric = (loss::loss_value(&model, loss, &pts, &up)
                - loss::loss_value(&model, loss, &pts, &down)) / (2.0 * h);
            let analytic = eval.gradient[i];
            let tolerance = 1e-5 * (1.0 + analytic.abs().max(eval.loss));
            prop_assert!((numeric - analytic).abs() <= tolerance,
                "param {i}: analytic {analytic}, numeric {numeric}");
        }
    }

    #[test]
    fn every_loss_is_non_negative(pts in points(), model in model(), loss in loss(), a in -1e6..1e6f64) {
        let params = vec![a, -a][..model.param_count()].to_vec();
        prop_assert!(loss::loss_value(&model, loss, &pts, &params) >= 0.0);
    }

    #[test]
    fn a_step_below_the_limit_never_increases_the_loss(
        pts in points(), affine in any::<bool>(), mse in any::<bool>(),
        a in -20.0..20.0f64, b in -20.0..20.0f64, fraction in 0.01..0.99f64,
    ) {
        let model = if affine { Model::Affine } else { Model::Linear };
        let loss = if mse { Loss::Mse } else { Loss::L2 };
        let problem = Problem::new(Dataset::new(Labels::default(), pts).unwrap(), model.clone(), loss);
        let Some(limit) = problem.learning_rate_limit() else { return Ok(()) };
        let params = vec![a, b][..model.param_count()].to_vec();
        let step = GradientDescent::new(fraction * limit).step(&problem, &params).unwrap();
        prop_assert!(step.loss_after <= step.loss_before * (1.0 + 1e-12) + 1e-12,
            "{} -> {}", step.loss_before, step.loss_after);
    }

    #[test]
    fn formatted_tables_parse_back_to_the_same_numbers(
        pairs in prop::collection::vec((any::<f64>(), any::<f64>()), 1..30),
        x_label in "[A-Za-z][A-Za-z_ ]{0,8}[A-Za-z]", y_label in "[A-Za-z]{1,6}",
    ) {
        let pairs: Vec<(f64, f64)> = pairs.into_iter().filter(|(x, y)| x.is_finite() && y.is_finite()).collect();
        let mut data = Dataset::from_pairs(&pairs).unwrap();
        data.set_labels(Labels::new(x_label, y_label));
        let table = Table::from_dataset(&data);
        for text in [table.to_tsv(), table.to_csv()] {
            let parsed = parse_table(&text).unwrap();
            prop_assert!(parsed.had_header);
            let back = parsed.table.to_dataset();
            prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
            // -0 reads back as 0, which is the same number.
            prop_assert_eq!(back.dataset.points(), data.points());
            prop_assert_eq!(back.dataset.labels(), data.labels());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn the_table_parser_never_panics_on_any_text(text in any::<String>()) {
        if let Ok(parsed) = parse_table(&text) {
            let conversion = parsed.table.to_dataset();
            prop_assert!(conversion.dataset.points().iter().all(|p| p.is_finite()));
        }
        let _ = parse_number(&text);
    }

    #[test]
    fn the_lesson_decoder_never_panics_on_any_text(text in any::<String>()) {
        let _ = Lesson::from_link(&text);
        let _ = Lesson::from_json(&text);
        let _ = Lesson::from_link(&format!("v1.{text}"));
    }
}

proptest! {
    #[test]
    fn lessons_round_trip_through_json_and_links(
        preset in prop::sample::select(Preset::ALL.to_vec()),
        a in -1e6..1e6f64, rate in 1e-6..10.0f64,
        cells in prop::collection::vec(("\\PC{0,12}", "\\PC{0,12}"), 0..8),
        x_label in "\\PC{0,20}",
    ) {
        let mut lesson = preset.lesson();
        lesson.params[0] = a;
        lesson.learning_rate = rate;
        lesson.table.labels.x = x_label;
        lesson.table.rows = cells.into_iter().map(|(x, y)| [x, y]).collect();
        prop_assert_eq!(Lesson::from_json(&lesson.to_json()), Ok(lesson.clone()));
        let link = lesson.to_link();
        prop_assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        prop_assert_eq!(Lesson::from_link(&link), Ok(lesson));
    }

    #[test]
    fn decoding_a_mangled_link_never_panics(cut in 0usize..400, flip in 0usize..400) {
        let link = Preset::Lecture.lesson().to_link();
        let mut bytes = link.into_bytes();
        bytes.truncate(cut.max(1));
        if let Some(b) = bytes.get_mut(flip) { *b = b'A'; }
        let _ = Lesson::from_link(&String::from_utf8_lossy(&bytes));
    }
}
