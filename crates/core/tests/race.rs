//! Races: the figures on `lecture-ab` (plain GD still has b ≈ 0.147 after 100
//! steps, momentum gets there), each lane stopping on its own rule, Undo and Reset in
//! sync, hyperparameters changed mid-run, and every setting's typed error.
#![allow(clippy::unwrap_used)]

use descent_core::optimizer::{Divergence, HyperparameterError, Outcome};
use descent_core::presets::LECTURE_POINTS;
use descent_core::race::{
    parse_seed, Batching, Hyperparameter, Race, Schedule, SettingError, Settings,
};
use descent_core::{Dataset, Loss, Model, Problem};

fn lecture_ab() -> Problem {
    Problem::new(
        Dataset::from_pairs(&LECTURE_POINTS).unwrap(),
        Model::Affine,
        Loss::L2,
    )
}

fn settings(id: &str, learning_rate: f64) -> Settings {
    Settings::defaults(id)
        .unwrap()
        .with(Hyperparameter::LearningRate, learning_rate)
        .unwrap()
}

fn gd_and_momentum() -> Race {
    Race::new(
        vec![8.0, 0.0],
        &[settings("gd", 0.003), settings("momentum", 0.003)],
    )
    .unwrap()
}

#[test]
fn plain_descent_is_still_in_the_valley_after_100_steps_and_momentum_is_not() {
    let problem = lecture_ab();
    let mut race = gd_and_momentum();
    for _ in 0..100 {
        assert!(race.step(&problem));
    }
    let rows = race.rows(&problem);
    let (gd, momentum) = (&rows[0], &rows[1]);
    assert_eq!((gd.id, gd.step), ("gd", 100));
    // b = 0.146544537…: 0.147 to three decimals, where the minimum has b = 0.
    assert!(
        (gd.params[1] - 0.146_544_537).abs() < 1e-9,
        "b {}",
        gd.params[1]
    );
    assert!((gd.loss - 0.017_372_31).abs() < 1e-8, "L {}", gd.loss);
    assert_eq!(gd.outcome, Outcome::Running);
    assert_eq!((momentum.id, momentum.step), ("momentum", 100));
    assert!(momentum.loss < 0.001, "momentum L {}", momentum.loss);
    assert!((momentum.params[0] - 9.8).abs() < 0.01 && momentum.params[1].abs() < 0.01);
    // ‖∇L‖ in the row is the gradient's length there.
    let g = problem.evaluate(&gd.params).gradient;
    assert!((gd.gradient_norm - g[0].hypot(g[1])).abs() < 1e-12);
}

/// Momentum's loss rises at steps 2, 3, 6, 9 and 10 (two rises in a row at 2–3 and at
/// 9–10, as the issue says, and one at 6); it is not stopped for that, and converges.
#[test]
fn momentum_climbs_for_a_few_steps_and_still_converges() {
    let problem = lecture_ab();
    let mut race = gd_and_momentum();
    for _ in 0..10 {
        race.step(&problem);
    }
    let losses = race.lane("momentum").unwrap().losses();
    let rises: Vec<usize> = losses
        .windows(2)
        .filter(|w| w[1].1 > w[0].1)
        .map(|w| w[1].0)
        .collect();
    assert_eq!(rises, vec![2, 3, 6, 9, 10]);
    assert_eq!(race.lane("momentum").unwrap().outcome(), Outcome::Running);
    // Stepped on, momentum converges on its own (step 429) while GD goes on.
    let mut t = 10;
    while race.lane("momentum").unwrap().outcome() == Outcome::Running && t < 1000 {
        race.step(&problem);
        t += 1;
    }
    let lane = race.lane("momentum").unwrap();
    assert_eq!(lane.outcome(), Outcome::Converged);
    assert_eq!(lane.steps(), 429);
    assert_eq!(race.lane("gd").unwrap().outcome(), Outcome::Running);
    // The stopped lane stands still while GD keeps moving.
    race.step(&problem);
    assert_eq!(race.lane("momentum").unwrap().steps(), 429);
    assert_eq!(race.lane("gd").unwrap().steps(), t + 1);
}

#[test]
fn a_diverging_lane_stops_on_its_own_and_the_others_carry_on() {
    let problem = lecture_ab();
    // γ = 0.01 is above GD's limit 2/λmax ≈ 0.00791: its loss grows every step, by a
    // factor of about (1 − 0.01·252.9)² ≈ 2.34, and is a million times the start's by
    // step 17; three rises in a row are not enough to stop it in a race.
    let mut race = Race::new(
        vec![8.0, 0.0],
        &[settings("gd", 0.01), settings("momentum", 0.003)],
    )
    .unwrap();
    for _ in 0..30 {
        race.step(&problem);
    }
    let gd = race.lane("gd").unwrap();
    assert_eq!(gd.outcome(), Outcome::Diverged(Divergence::LossGrowing));
    let stopped_at = gd.steps();
    let losses = gd.losses();
    assert!(losses[stopped_at].1 > 1e6 * 402.57);
    assert!(losses[stopped_at - 1].1 <= 1e6 * 402.57);
    assert!((10..30).contains(&stopped_at), "{stopped_at}");
    assert_eq!(race.lane("momentum").unwrap().steps(), 30);
    assert!(race.can_step());
    // Undo back past the divergence: GD runs again, from where it was.
    while race.steps() >= stopped_at {
        assert!(race.undo());
    }
    assert_eq!(race.lane("gd").unwrap().outcome(), Outcome::Running);
    assert_eq!(race.lane("gd").unwrap().steps(), stopped_at - 1);
}

#[test]
fn undo_and_reset_act_on_every_lane_in_sync() {
    let problem = lecture_ab();
    let mut three = gd_and_momentum();
    for _ in 0..3 {
        three.step(&problem);
    }
    let mut five = three.clone();
    five.step(&problem);
    five.step(&problem);
    assert!(five.undo() && five.undo());
    assert_eq!(five, three);
    // The same steps again from the restored optimizer states.
    five.step(&problem);
    three.step(&problem);
    assert_eq!(five, three);
    three.reset();
    assert_eq!(three.steps(), 0);
    assert!(!three.undo());
    for lane in three.lanes() {
        assert_eq!(lane.run().params(), [8.0, 0.0]);
        assert_eq!(lane.steps(), 0);
        assert_eq!(lane.path(), vec![(8.0, 0.0)]);
    }
    // A click on the map: a new start for all.
    three.restart_at(vec![7.0, 1.0]);
    assert!(three.lanes().iter().all(|l| l.run().params() == [7.0, 1.0]));
}

#[test]
fn a_hyperparameter_changed_mid_run_applies_from_where_the_run_is() {
    let problem = lecture_ab();
    let mut race = gd_and_momentum();
    for _ in 0..50 {
        race.step(&problem);
    }
    let here = race.lane("momentum").unwrap().run().params().to_vec();
    race.set_hyperparameter("momentum", Hyperparameter::Beta, 0.5)
        .unwrap();
    race.set_hyperparameter("momentum", Hyperparameter::LearningRate, 0.004)
        .unwrap();
    race.step(&problem);
    let lane = race.lane("momentum").unwrap();
    assert_eq!(lane.steps(), 51);
    let last = lane.run().history().last().unwrap();
    assert_eq!(last.before, here);
    assert_eq!(last.learning_rate, 0.004);
    // The step used β = 0.5 on the velocity it had: v = 0.5·v₅₀ + g, θ −= 0.004·v.
    let update_v = (last.before[0] - last.after[0]) / 0.004;
    let g = last.gradient[0];
    let mut replay = gd_and_momentum();
    for _ in 0..50 {
        replay.step(&problem);
    }
    let v_before = replay
        .lane("momentum")
        .unwrap()
        .run()
        .state()
        .unwrap()
        .slots[0][0];
    assert!((update_v - (0.5 * v_before + g)).abs() < 1e-9 * (1.0 + update_v.abs()));
    // A bad value changes nothing.
    let before = race.clone();
    assert_eq!(
        race.set_hyperparameter("momentum", Hyperparameter::Beta, 1.0),
        Err(SettingError::Hyperparameter(
            HyperparameterError::DecayRate {
                name: "β",
                value: 1.0
            }
        ))
    );
    assert_eq!(race, before);
}

#[test]
fn every_bad_setting_has_its_typed_error() {
    let gd = Settings::defaults("gd").unwrap();
    for bad in [f64::NAN, f64::INFINITY, 0.0, -0.003] {
        let e = gd.with(Hyperparameter::LearningRate, bad).unwrap_err();
        assert!(matches!(
            e,
            SettingError::Hyperparameter(HyperparameterError::LearningRate(_))
        ));
    }
    let momentum = Settings::defaults("momentum").unwrap();
    assert!(momentum.with(Hyperparameter::Beta, 1.0).is_err());
    assert!(momentum.with(Hyperparameter::Beta, -0.1).is_err());
    assert!(momentum.with(Hyperparameter::Beta, 0.0).is_ok());
    let adam = Settings::defaults("adam").unwrap();
    assert_eq!(
        adam.with(Hyperparameter::Beta2, 1.5),
        Err(SettingError::Hyperparameter(
            HyperparameterError::DecayRate {
                name: "β₂",
                value: 1.5
            }
        ))
    );
    for bad in [0.0, -1e-8, f64::NAN] {
        assert!(matches!(
            adam.with(Hyperparameter::Epsilon, bad),
            Err(SettingError::Hyperparameter(HyperparameterError::Epsilon(
                _
            )))
        ));
    }
    assert_eq!(Settings::defaults("lbfgs"), None);
    // Batch sizes: 0 and above n are refused; 1 to n and full are fine.
    let mut race = gd_and_momentum();
    let batch = |size| Batching {
        size: Some(size),
        seed: 1,
    };
    assert_eq!(
        race.set_batching(batch(0), 3),
        Err(SettingError::BatchSize { size: 0, rows: 3 })
    );
    assert_eq!(
        race.set_batching(batch(4), 3),
        Err(SettingError::BatchSize { size: 4, rows: 3 })
    );
    assert!(race.set_batching(batch(3), 3).is_ok() && race.set_batching(batch(1), 3).is_ok());
    // Seeds: whole numbers only.
    assert_eq!(parse_seed(" 42 "), Ok(42));
    assert_eq!(parse_seed("18446744073709551615"), Ok(u64::MAX));
    for bad in ["1.5", "-1", "abc", "", "1e3", "18446744073709551616", "4,2"] {
        assert_eq!(
            parse_seed(bad),
            Err(SettingError::Seed(bad.to_owned())),
            "{bad}"
        );
    }
    // Schedules' own numbers.
    assert!(race
        .set_schedule(Schedule::StepDecay {
            every: 0,
            factor: 0.5
        })
        .is_err());
    assert!(race
        .set_schedule(Schedule::Exponential { factor: 1.5 })
        .is_err());
    assert!(race
        .set_schedule(Schedule::InverseTime { rate: -1.0 })
        .is_err());
    assert_eq!(race.schedule(), Schedule::Constant);
}

#[test]
fn schedules_follow_their_formulas() {
    let base = 0.1;
    assert_eq!(Schedule::Constant.learning_rate(base, 57), 0.1);
    let step = Schedule::StepDecay {
        every: 10,
        factor: 0.5,
    };
    assert_eq!(step.learning_rate(base, 9), 0.1);
    assert_eq!(step.learning_rate(base, 10), 0.05);
    assert_eq!(step.learning_rate(base, 25), 0.025);
    let exp = Schedule::Exponential { factor: 0.9 };
    assert!((exp.learning_rate(base, 2) - 0.081).abs() < 1e-15);
    let inverse = Schedule::InverseTime { rate: 0.5 };
    assert!((inverse.learning_rate(base, 4) - 0.1 / 3.0).abs() < 1e-15);
    for s in Schedule::ALL {
        assert_eq!(Schedule::from_id(s.id()), Some(s));
        assert!(s.validate().is_ok());
    }
    // A race with step decay records each step's γ.
    let problem = lecture_ab();
    let mut race = Race::new(vec![8.0, 0.0], &[settings("gd", 0.004)]).unwrap();
    race.set_schedule(Schedule::StepDecay {
        every: 2,
        factor: 0.5,
    })
    .unwrap();
    for _ in 0..5 {
        race.step(&problem);
    }
    let rates: Vec<f64> = race
        .lane("gd")
        .unwrap()
        .run()
        .history()
        .iter()
        .map(|s| s.learning_rate)
        .collect();
    assert_eq!(rates, vec![0.004, 0.004, 0.002, 0.002, 0.001]);
}

#[test]
fn the_next_update_shows_every_number_of_the_rule() {
    let problem = lecture_ab();
    let race = Race::new(vec![8.0, 0.0], &[settings("adam", 0.1)]).unwrap();
    let update = race.next_update(&problem, "adam").unwrap();
    assert_eq!(update.t, 1);
    assert_eq!(update.learning_rate, 0.1);
    assert!((update.gradient[0] + 447.3).abs() < 1e-9);
    assert_eq!(update.state_before.count, 0);
    assert_eq!(update.state_after.count, 1);
    // m = 0.1·g after the first step; θ moves by γ against the gradient's sign.
    assert!((update.state_after.slots[0][0] - 0.1 * update.gradient[0]).abs() < 1e-9);
    assert!((update.step.after[0] - 8.1).abs() < 1e-9);
    assert!(race.next_update(&problem, "gd").is_none());
}
