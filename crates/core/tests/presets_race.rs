//! The race presets: `lecture-ab` reproduces the issue's figures, in the `ravine` plain
//! descent zigzags while momentum and Adam win clearly, `noisy-line` has its 200 seeded
//! points in mini-batches, and `non-convex-ab` has one curved valley.
#![allow(clippy::unwrap_used)]

use descent_core::optimizer::Outcome;
use descent_core::presets::{self, Preset};
use descent_core::race::Race;
use descent_core::{Lesson, Problem};

fn race_of(lesson: &Lesson) -> (Problem, Race) {
    let problem = lesson.problem();
    let mut race = Race::new(lesson.start.clone(), &lesson.race.racers).unwrap();
    race.set_schedule(lesson.race.schedule).unwrap();
    race.set_batching(lesson.race.batching, problem.data.len())
        .unwrap();
    (problem, race)
}

#[test]
fn lecture_ab_is_the_issues_race() {
    let lesson = Preset::LectureAb.lesson();
    assert_eq!(lesson.start, [8.0, 0.0]);
    assert_eq!(lesson.learning_rate, 0.003);
    let ids: Vec<_> = lesson
        .race
        .racers
        .iter()
        .map(|s| (s.id, s.learning_rate))
        .collect();
    assert_eq!(ids, [("gd", 0.003), ("momentum", 0.003)]);
    let (problem, mut race) = race_of(&lesson);
    for _ in 0..100 {
        race.step(&problem);
    }
    let rows = race.rows(&problem);
    assert!((rows[0].params[1] - 0.1465).abs() < 1e-4);
    assert!(rows[1].loss < 0.001);
}

#[test]
fn in_the_ravine_plain_descent_zigzags_and_momentum_and_adam_win() {
    let lesson = Preset::Ravine.lesson();
    let (problem, mut race) = race_of(&lesson);
    let q = descent_core::surface::Quadratic::of(&problem, &lesson.start).unwrap();
    let kappa = q.condition_number().unwrap();
    assert!((kappa - 1028.6).abs() < 0.1, "condition number {kappa}");
    let gd_limit = q.limits().unwrap().gd();
    assert!(0.0015 < gd_limit && 0.0015 > gd_limit / 2.0);
    let (a_star, b_star) = q.minimiser().unwrap();
    assert!((a_star - 1.986).abs() < 1e-9 && (b_star - 5.16).abs() < 1e-9);
    let least = q.at(a_star, b_star);
    for _ in 0..200 {
        race.step(&problem);
    }
    // Zigzag: across the valley (mostly along a) each step of plain descent reverses
    // the one before, for the first 20 steps.
    let gd = race.lane("gd").unwrap();
    let moves: Vec<f64> = gd
        .run()
        .history()
        .iter()
        .map(|s| s.after[0] - s.before[0])
        .collect();
    assert!(
        moves.windows(2).take(19).all(|w| w[0] * w[1] < 0.0),
        "{:?}",
        &moves[..20]
    );
    let rows = race.rows(&problem);
    let excess = |id: &str| rows.iter().find(|r| r.id == id).unwrap().loss - least;
    let distance = |id: &str| {
        let p = &rows.iter().find(|r| r.id == id).unwrap().params;
        (p[0] - a_star).hypot(p[1] - b_star)
    };
    // After 200 steps plain descent is still 3.6 from the minimum (b ≈ 1.6 of 5.16);
    // momentum is within 0.11 and Adam within 0.85, with a tenth of its excess loss.
    assert!(distance("gd") > 3.5, "gd {}", distance("gd"));
    assert!(
        distance("momentum") < 0.11,
        "momentum {}",
        distance("momentum")
    );
    assert!(distance("adam") < 0.85, "adam {}", distance("adam"));
    assert!(excess("momentum") < excess("gd") / 100.0);
    assert!(excess("adam") < excess("gd") / 10.0);
    assert!(race.lanes().iter().all(|l| l.outcome() == Outcome::Running));
}

#[test]
fn noisy_line_has_200_seeded_points_in_mini_batches() {
    let lesson = Preset::NoisyLine.lesson();
    assert_eq!(lesson, presets::noisy_line(), "the same every time");
    let conversion = lesson.conversion();
    assert_eq!(conversion.dataset.len(), 200);
    assert!(conversion.errors.is_empty());
    // Around y = 1.5·x + 2: every point within the noise's ±1.5.
    for p in conversion.dataset.points() {
        assert!((p.y - (1.5 * p.x + 2.0)).abs() <= 1.505, "{p:?}");
    }
    assert_eq!(lesson.race.batching.size, Some(20));
    let (problem, mut race) = race_of(&lesson);
    for _ in 0..30 {
        race.step(&problem);
    }
    let rows = race.rows(&problem);
    for row in &rows {
        assert_eq!(row.step, 30);
        assert_eq!(
            (
                row.position.epoch,
                row.position.batch,
                row.position.batches_per_epoch
            ),
            (3, 0, 10)
        );
        assert!(row.loss < problem.loss_at(&lesson.start));
    }
    // The fit a long run of Adam heads for: close to the line.
    let fit = problem.optimum(&[0.0, 0.0]);
    let fit = fit.unique().unwrap();
    assert!(
        (fit[0] - 1.5).abs() < 0.1 && (fit[1] - 2.0).abs() < 0.5,
        "{fit:?}"
    );
}

#[test]
fn non_convex_ab_races_with_b_free() {
    let lesson = Preset::NonConvexAb.lesson();
    assert_eq!(lesson.frozen, [false, false]);
    let (problem, mut race) = race_of(&lesson);
    for _ in 0..20 {
        race.step(&problem);
    }
    for lane in race.lanes() {
        assert_eq!(lane.steps(), 20);
        // b moves too.
        assert_ne!(lane.run().params()[1], 2.0);
    }
}
