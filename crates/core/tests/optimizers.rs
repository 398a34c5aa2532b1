//! The optimizers of `OPTIMIZERS.md` on the lecture's table with ŷ = a·x + b: each
//! reproduces the reference numbers of `torch.optim`, and the properties that hold them
//! together (β = 0 is plain descent, Adam's first step is γ long, Undo restores the
//! state, frozen parameters never move).

use descent_core::optimizer::{
    self, far_beyond_the_start, Adam, Divergence, HyperparameterError, Momentum, Nesterov,
    Optimizer, RmsProp, State, Step,
};
use descent_core::presets::{Preset, LECTURE_POINTS};
use descent_core::{Dataset, GradientDescent, Loss, Model, Outcome, Problem, Run, StopRule};
use proptest::prelude::*;

/// The lecture's table with ŷ = a·x + b, both parameters free (`lecture-ab`).
fn lecture_ab() -> Problem {
    let data = Dataset::from_pairs(&LECTURE_POINTS).unwrap_or_default();
    Problem::new(data, Model::Affine, Loss::L2)
}

/// Whether `actual` matches a reference figure written with ten significant digits.
fn matches(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

/// Three steps from (8, 0) and the reference rows (a, b, L) after t = 1, 2, 3.
fn check_reference(optimizer: &dyn Optimizer, rows: [[f64; 3]; 3]) {
    let problem = lecture_ab();
    let mut run = Run::new(vec![8.0, 0.0]);
    let rule = StopRule::default();
    for (t, [a, b, loss]) in rows.into_iter().enumerate() {
        let outcome = run.step(&problem, optimizer, &rule);
        assert_eq!(
            outcome,
            Outcome::Running,
            "{} t = {}",
            optimizer.id(),
            t + 1
        );
        let step = &run.history()[t];
        let (got_a, got_b, got_l) = (step.after[0], step.after[1], step.loss_after);
        assert!(
            matches(got_a, a) && matches(got_b, b) && matches(got_l, loss),
            "{} t = {}: ({got_a}, {got_b}, {got_l}) instead of ({a}, {b}, {loss})",
            optimizer.id(),
            t + 1
        );
    }
}

#[test]
fn the_start_of_the_reference_runs_is_the_lecture_figure() {
    let eval = lecture_ab().evaluate(&[8.0, 0.0]);
    assert!(matches(eval.loss, 402.57));
    assert!(matches(eval.gradient[0], -447.3) && matches(eval.gradient[1], -59.4));
}

#[test]
fn gradient_descent_reproduces_the_reference_table() {
    check_reference(
        &GradientDescent::new(0.003),
        [
            [9.3419, 0.1782, 23.4759224],
            [9.66577175, 0.2203443, 1.408272619],
            [9.744024825, 0.2296666994, 0.1233070806],
        ],
    );
}

#[test]
fn momentum_reproduces_the_reference_table() {
    check_reference(
        &Momentum::new(0.003, 0.9).unwrap(),
        [
            [9.3419, 0.1782, 23.4759224],
            [10.87348175, 0.3807243, 157.1030835],
            [11.41393297, 0.4498684394, 348.2109137],
        ],
    );
}

#[test]
fn nesterov_reproduces_the_reference_table() {
    check_reference(
        &Nesterov::new(0.003, 0.9).unwrap(),
        [
            [10.54961, 0.33858, 78.53736437],
            [10.51107702, 0.330340923, 70.90359675],
            [9.940173472, 0.2501497541, 3.786187381],
        ],
    );
}

#[test]
fn rmsprop_reproduces_the_reference_table() {
    check_reference(
        &RmsProp::new(0.01, 0.99, 1e-8).unwrap(),
        [
            [8.1, 0.09999999983, 353.5025],
            [8.168560058, 0.1684542446, 321.7193103],
            [8.223488938, 0.2232381926, 297.3449197],
        ],
    );
}

#[test]
fn adam_reproduces_the_reference_table() {
    check_reference(
        &Adam::new(0.1, 0.9, 0.999, 1e-8).unwrap(),
        [
            [8.1, 0.09999999998, 353.5025],
            [8.199777981, 0.1997655947, 307.7389126],
            [8.299163156, 0.2991151459, 265.3284702],
        ],
    );
}

#[test]
fn the_registry_makes_every_optimizer_with_torchs_defaults() {
    let ids: Vec<&str> = optimizer::REGISTRY.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, ["gd", "momentum", "nesterov", "rmsprop", "adam"]);
    for id in ids {
        let made = optimizer::by_id(id, 0.01);
        assert_eq!(made.as_ref().map(|o| o.id()), Some(id));
        assert_eq!(made.map(|o| o.validate()), Some(Ok(())));
    }
    // The registry's momentum is the reference table's.
    if let Some(momentum) = optimizer::by_id("momentum", 0.003) {
        check_reference(
            &momentum,
            [
                [9.3419, 0.1782, 23.4759224],
                [10.87348175, 0.3807243, 157.1030835],
                [11.41393297, 0.4498684394, 348.2109137],
            ],
        );
    }
}

#[test]
fn hyperparameters_out_of_range_are_typed_errors_and_take_no_step() {
    use HyperparameterError::{DecayRate, LearningRate};
    assert_eq!(
        Momentum::new(0.003, 1.0),
        Err(DecayRate {
            name: "β",
            value: 1.0
        })
    );
    assert_eq!(
        Nesterov::new(0.003, -0.1),
        Err(DecayRate {
            name: "β",
            value: -0.1
        })
    );
    assert!(matches!(
        Nesterov::new(0.003, f64::NAN),
        Err(DecayRate { name: "β", .. })
    ));
    assert_eq!(
        Momentum::new(f64::INFINITY, 0.9),
        Err(LearningRate(f64::INFINITY))
    );
    assert_eq!(
        DecayRate {
            name: "β",
            value: 1.0
        }
        .to_string(),
        "β = 1 is not at least 0 and below 1"
    );
    // Fields set by hand past the checks: the step is refused, nothing moves.
    let bad = Momentum {
        learning_rate: 0.003,
        momentum: 1.0,
    };
    let mut run = Run::new(vec![8.0, 0.0]);
    let outcome = run.step(&lecture_ab(), bad, &StopRule::default());
    assert_eq!(outcome, Outcome::Diverged(Divergence::NonFinite));
    assert_eq!(run.params(), [8.0, 0.0]);
    assert!(run.history().is_empty());
}

#[test]
fn rmsprop_and_adam_refuse_decay_rates_of_one_and_epsilons_of_zero() {
    use HyperparameterError::{DecayRate, Epsilon, LearningRate};
    assert_eq!(
        RmsProp::new(0.01, 1.5, 1e-8),
        Err(DecayRate {
            name: "α",
            value: 1.5
        })
    );
    assert_eq!(RmsProp::new(0.01, 0.99, 0.0), Err(Epsilon(0.0)));
    assert_eq!(
        Adam::new(0.1, 0.9, 1.0, 1e-8),
        Err(DecayRate {
            name: "β₂",
            value: 1.0
        })
    );
    assert_eq!(
        Adam::new(0.1, 1.0, 0.999, 1e-8),
        Err(DecayRate {
            name: "β₁",
            value: 1.0
        })
    );
    assert_eq!(Adam::new(0.1, 0.9, 0.999, -1e-8), Err(Epsilon(-1e-8)));
    assert_eq!(Adam::new(0.0, 0.9, 0.999, 1e-8), Err(LearningRate(0.0)));
    assert_eq!(Epsilon(0.0).to_string(), "ε = 0 is not a positive number");
}

#[test]
fn momentum_climbs_for_a_few_steps_yet_converges_where_gradient_descent_crawls() {
    let problem = lecture_ab();
    let rule = StopRule::default();
    let momentum = Momentum::new(0.003, 0.9).unwrap();
    let mut run = Run::new(vec![8.0, 0.0]);
    let mut rises = Vec::new();
    for k in 1..=100 {
        let outcome = run.step(&problem, momentum, &rule);
        assert!(
            !matches!(outcome, Outcome::Diverged(_)),
            "declared diverged at step {k}"
        );
        let step = &run.history()[k - 1];
        if step.loss_after > step.loss_before {
            rises.push(k);
        }
        if outcome == Outcome::Converged {
            break;
        }
    }
    // The rises the issue names: three in the first ten steps, yet no divergence.
    assert!(rises.starts_with(&[2, 3]), "{rises:?}");
    assert!(rises.contains(&9) && rises.contains(&10), "{rises:?}");
    let loss = problem.loss_at(run.params());
    assert!(
        loss < 0.001,
        "L = {loss} after {} steps",
        run.history().len()
    );

    // Gradient descent's rule would call three rises in a row divergence; momentum's
    // does not.
    let mut gd = Run::new(vec![8.0, 0.0]);
    for _ in 0..100 {
        gd.step(&problem, GradientDescent::new(0.003), &rule);
    }
    let (b, loss) = (gd.params()[1], problem.loss_at(gd.params()));
    assert!((b - 0.147).abs() < 0.001, "b = {b}");
    assert!((loss - 0.0174).abs() < 0.0001, "L = {loss}");
}

/// A step whose loss goes from `before` to `after` (the parameters do not matter here).
fn loss_step(before: f64, after: f64) -> Step {
    Step {
        before: vec![0.0],
        loss_before: before,
        gradient: vec![1.0],
        after: vec![0.0],
        loss_after: after,
        learning_rate: 0.003,
    }
}

#[test]
fn divergence_is_a_loss_far_beyond_the_start_not_a_few_rises() {
    let rule = StopRule::default();
    // Three rises in a row, to four times the start: descent's rule calls it divergence,
    // momentum's does not.
    let climbing = [
        loss_step(100.0, 150.0),
        loss_step(150.0, 250.0),
        loss_step(250.0, 400.0),
    ];
    assert_eq!(
        GradientDescent::new(0.003).divergence(&climbing, &rule),
        Some(Divergence::LossGrowing)
    );
    for optimizer in [
        optimizer::by_id("momentum", 0.003),
        optimizer::by_id("nesterov", 0.003),
        optimizer::by_id("rmsprop", 0.01),
        optimizer::by_id("adam", 0.1),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(
            optimizer.divergence(&climbing, &rule),
            None,
            "{}",
            optimizer.id()
        );
        // A million times the start is far beyond it.
        let mut exploded = climbing.to_vec();
        exploded.push(loss_step(
            400.0,
            100.0 * optimizer::FAR_BEYOND_THE_START * 1.01,
        ));
        assert_eq!(
            optimizer.divergence(&exploded, &rule),
            Some(Divergence::LossGrowing),
            "{}",
            optimizer.id()
        );
    }
    assert_eq!(far_beyond_the_start(&[]), None);
}

#[test]
fn momentum_far_above_its_learning_rate_limit_is_stopped() {
    // γ = 0.02 is far above what momentum converges with on this table.
    let mut run = Run::new(vec![8.0, 0.0]);
    let momentum = Momentum::new(0.02, 0.9).unwrap();
    let outcome = run.run(&lecture_ab(), momentum, &StopRule::default());
    assert!(matches!(outcome, Outcome::Diverged(_)), "{outcome:?}");
    assert!(run.history().len() < 1000, "{} steps", run.history().len());
}

#[test]
fn the_two_parameter_learning_rate_limit_is_two_over_the_largest_eigenvalue() {
    let limit = lecture_ab().learning_rate_limit().unwrap_or_default();
    // The Hessian 2·[[Σx², Σx], [Σx, n]] = [[248.5, 33], [33, 6]]: λmax ≈ 252.9.
    let (p, q, r) = (248.5f64, 33.0f64, 6.0f64);
    let lambda_max = (p + r) / 2.0 + (((p - r) / 2.0).powi(2) + q * q).sqrt();
    assert!((lambda_max - 252.9).abs() < 0.05, "{lambda_max}");
    assert!((limit - 2.0 / lambda_max).abs() < 1e-15, "{limit}");
    assert_eq!(format!("{limit:.5}"), "0.00791");
    // For ŷ = a·x alone it is 1/Σx².
    let lecture = Preset::Lecture.lesson().problem();
    let one = lecture.learning_rate_limit().unwrap_or_default();
    assert!((one - 1.0 / 124.25).abs() < 1e-15);
}

#[test]
fn frozen_parameters_never_move_and_carry_no_state() {
    // The lecture's second example freezes b = 2.
    let problem = Preset::LocalMinima.lesson().problem();
    assert!(problem.is_frozen(1));
    for (id, make) in optimizer::REGISTRY {
        let optimizer = make(0.01);
        let mut run = Run::new(vec![0.5, 2.0]);
        for _ in 0..50 {
            run.step(&problem, &optimizer, &StopRule::default());
        }
        assert_eq!(run.params()[1], 2.0, "{id}");
        assert!(run.params()[0] != 0.5, "{id}: a moved");
        let state = run.state().cloned().unwrap_or_default();
        assert!(state.slots.iter().all(|s| s[1] == 0.0), "{id}: {state:?}");
        // Even a state that carried something for b does not move it.
        let mut carried = state.clone();
        for slot in &mut carried.slots {
            slot[1] = 5.0;
        }
        let taken = optimizer::take_step(&optimizer, &problem, run.params(), &carried);
        let (step, next) = taken.unwrap_or_else(|| panic!("{id}: no step"));
        assert_eq!(step.after[1], 2.0, "{id}");
        assert!(next.slots.iter().all(|s| s[1] == 0.0), "{id}");
    }
}

#[test]
fn undo_restores_every_optimizers_state_exactly() {
    let problem = lecture_ab();
    let rule = StopRule::default();
    for (id, make) in optimizer::REGISTRY {
        let optimizer = make(0.001);
        let mut run = Run::new(vec![8.0, 0.0]);
        for _ in 0..5 {
            run.step(&problem, &optimizer, &rule);
        }
        let before: (Vec<f64>, Option<State>) = (run.params().to_vec(), run.state().cloned());
        let mut again = run.clone();
        run.step(&problem, &optimizer, &rule);
        assert!(run.undo(), "{id}");
        assert_eq!(
            (run.params().to_vec(), run.state().cloned()),
            before,
            "{id}"
        );
        // The step taken again from the restored state is the same step.
        run.step(&problem, &optimizer, &rule);
        again.step(&problem, &optimizer, &rule);
        assert_eq!(run, again, "{id}");
        while run.undo() {}
        assert_eq!((run.params(), run.state()), (&[8.0, 0.0][..], None), "{id}");
    }
}

fn start() -> impl Strategy<Value = (f64, f64)> {
    (-20.0..20.0f64, -20.0..20.0f64)
}

proptest! {
    #[test]
    fn momentum_and_nesterov_with_beta_zero_are_gradient_descent(
        (a, b) in start(), learning_rate in 1e-5..0.007f64, steps in 1..30usize,
    ) {
        let problem = lecture_ab();
        let rule = StopRule::default();
        let mut gd = Run::new(vec![a, b]);
        let mut heavy = Run::new(vec![a, b]);
        let mut nesterov = Run::new(vec![a, b]);
        for _ in 0..steps {
            gd.step(&problem, GradientDescent::new(learning_rate), &rule);
            heavy.step(&problem, Momentum::new(learning_rate, 0.0).unwrap(), &rule);
            nesterov.step(&problem, Nesterov::new(learning_rate, 0.0).unwrap(), &rule);
        }
        prop_assert_eq!(gd.params(), heavy.params());
        prop_assert_eq!(gd.params(), nesterov.params());
        prop_assert_eq!(gd.history(), heavy.history());
    }

    #[test]
    fn adams_first_step_moves_each_free_coordinate_by_gamma(
        (a, b) in start(), learning_rate in 1e-4..1.0f64,
    ) {
        let problem = lecture_ab();
        let adam = Adam::new(learning_rate, 0.9, 0.999, 1e-8).unwrap();
        let taken = optimizer::take_step(&adam, &problem, &[a, b], &adam.init(2));
        let (step, _) = taken.ok_or_else(|| TestCaseError::fail("no step"))?;
        for i in 0..2 {
            let g = step.gradient[i];
            prop_assume!(g.abs() > 1e-3);
            let moved = step.after[i] - step.before[i];
            // Against the sign of the gradient, by γ up to ε: γ·|g| / (|g| + ε).
            prop_assert!(moved * g < 0.0);
            prop_assert!((moved.abs() - learning_rate).abs() <= learning_rate * 1e-5,
                "{} moved {} instead of {}", i, moved, learning_rate);
        }
    }
}
