//! The walkthrough reproduces the lecture's figures scene by scene, driven the way a
//! clicker drives it: `next` until the end, `previous` back through a stepping scene.

// The helpers below are test code too: clippy allows `expect` only inside `#[test]` fns.
#![allow(clippy::expect_used)]

use descent_core::tour::{scenes, Caption, Move, Scene, Tour};
use descent_core::{Outcome, Session};

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * (1.0 + expected.abs())
}

/// Opens the beat the tour stands at, as the app does on `Move::Enter`.
fn enter(tour: &Tour, scenes: &[Scene]) -> Session {
    let beat = tour.beat(scenes).cloned().expect("a beat");
    let mut session = Session::new(beat.lesson);
    for _ in 0..beat.steps_on_enter {
        session.step();
    }
    session
}

/// Presses "next" until the caption changes, stepping the session when asked; returns
/// the a values the steps went through.
fn next(tour: &mut Tour, scenes: &[Scene], session: &mut Session) -> Vec<f64> {
    let mut visited = Vec::new();
    loop {
        match tour.next(scenes, session.outcome().is_final()) {
            Move::Step => {
                session.step();
                visited.push(session.params()[0]);
            }
            Move::Enter => {
                *session = enter(tour, scenes);
                return visited;
            }
            Move::Undo | Move::Stay => return visited,
        }
    }
}

fn caption(tour: &Tour, scenes: &[Scene]) -> Caption {
    tour.beat(scenes).expect("a beat").caption
}

#[test]
fn the_walkthrough_tells_the_lecture_with_its_figures() {
    let scenes = scenes();
    let mut tour = Tour::at_scene(0, &scenes);
    let mut s = enter(&tour, &scenes);
    assert_eq!(caption(&tour, &scenes), Caption::Table);

    // Scene 2: guesses a = 5, 12, 10.
    next(&mut tour, &scenes, &mut s);
    assert_eq!(
        (tour.scene(), caption(&tour, &scenes)),
        (1, Caption::GuessFive)
    );
    assert!(close(s.evaluation().loss, 2862.72));
    next(&mut tour, &scenes, &mut s);
    assert_eq!(s.params(), [12.0]);
    next(&mut tour, &scenes, &mut s);
    assert!(close(s.evaluation().loss, 4.97));

    // Scene 3: the reveal, m and F, a = 9.8 fits every row.
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::Reveal);
    assert_eq!(s.lesson().table.labels.x, "m");
    assert_eq!(s.lesson().table.labels.y, "F");
    assert!(s.evaluation().loss < 1e-20);

    // Scenes 4 and 5: y − ŷ, |y − ŷ| (L1 = 29.7 at a = 8), the squares, their sum.
    next(&mut tour, &scenes, &mut s);
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::Distances);
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::AbsoluteDistances);
    assert!(close(s.evaluation().loss, 29.7));
    next(&mut tour, &scenes, &mut s);
    assert!(tour.beat(&scenes).expect("beat").squares);
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::SumOfSquares);
    assert!(close(s.evaluation().loss, 402.57));

    // Scene 6: worked by hand, 402.57, 79.52, 4.97.
    for expected in [402.57, 79.52, 4.97] {
        next(&mut tour, &scenes, &mut s);
        assert_eq!(tour.scene(), 5);
        assert!(close(s.evaluation().loss, expected), "{expected}");
    }

    // Scene 7: the minimum; scene 8: the derivative at 8 and at 11.5.
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::Minimum);
    next(&mut tour, &scenes, &mut s);
    assert!(close(s.evaluation().gradient[0], -447.3));
    next(&mut tour, &scenes, &mut s);
    assert!(close(s.evaluation().loss, 359.0825));
    assert!(close(s.evaluation().gradient[0], 422.45));

    // Scene 9: γ = 1 overshoots at once (8 + 447.3), then γ = 0.003.
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::RuleWithoutRate);
    assert!(close(s.params()[0], 455.3));
    next(&mut tour, &scenes, &mut s);
    assert_eq!(s.lesson().learning_rate, 0.003);

    // Scene 10: one step per click, 8 → 9.3419 → 9.683414 → … → 9.8, then scene 11.
    next(&mut tour, &scenes, &mut s);
    assert_eq!(caption(&tour, &scenes), Caption::Steps);
    let visited = next(&mut tour, &scenes, &mut s);
    assert!(close(visited[0], 9.3419));
    assert!((visited[1] - 9.683414).abs() < 5e-7);
    assert!((visited[2] - 9.770329).abs() < 5e-7);
    let last = *visited.last().expect("steps");
    assert!((last - 9.8).abs() < 1e-9, "{last}");

    // Scene 11: γ = 0.01 diverges and stops on its own; the next click moves on.
    assert_eq!(caption(&tour, &scenes), Caption::TooLarge);
    let visited = next(&mut tour, &scenes, &mut s);
    assert!(visited.len() >= 2 && visited.len() <= 10, "{visited:?}");
    assert!(visited
        .windows(2)
        .all(|w| (w[1] - 9.8).abs() > (w[0] - 9.8).abs()));

    // Scene 12: from 0.5 the local minimum 0.2423, from −0.5 the global −0.25.
    assert_eq!(caption(&tour, &scenes), Caption::LocalFromRight);
    let visited = next(&mut tour, &scenes, &mut s);
    let local = *visited.last().expect("steps");
    assert!((local - 0.2423).abs() < 5e-5, "{local}");
    assert_eq!(caption(&tour, &scenes), Caption::GlobalFromLeft);
    let visited = next(&mut tour, &scenes, &mut s);
    let global = *visited.last().expect("steps");
    assert!((global + 0.25).abs() < 5e-5, "{global}");

    // Scene 13, the last: "next" stays.
    assert_eq!(caption(&tour, &scenes), Caption::Recap);
    assert_eq!(tour.next(&scenes, s.outcome().is_final()), Move::Stay);
    assert_eq!(tour.scene(), 12);
}

#[test]
fn previous_takes_back_steps_before_it_leaves_a_stepping_scene() {
    let scenes = scenes();
    let mut tour = Tour::at_scene(9, &scenes);
    let mut s = enter(&tour, &scenes);
    for _ in 0..3 {
        assert_eq!(tour.next(&scenes, s.outcome().is_final()), Move::Step);
        s.step();
    }
    for _ in 0..3 {
        assert_eq!(tour.previous(&scenes, s.history().len()), Move::Undo);
        s.undo();
    }
    assert_eq!(s.params(), [8.0]);
    assert_eq!(s.outcome(), Outcome::Running);
    // Then back to scene 9's last beat, entered in its defined state.
    assert_eq!(tour.previous(&scenes, s.history().len()), Move::Enter);
    assert_eq!(tour.scene(), 8);
    assert_eq!(caption(&tour, &scenes), Caption::RuleWithRate);
    // Back from the first beat of the first scene stays.
    let mut first = Tour::at_scene(0, &scenes);
    assert_eq!(first.previous(&scenes, 0), Move::Stay);
}

#[test]
fn the_gamma_one_beat_is_not_undone_below_its_own_step() {
    let scenes = scenes();
    let mut tour = Tour::at_scene(8, &scenes);
    let s = enter(&tour, &scenes);
    assert_eq!(s.history().len(), 1);
    // Not a stepping beat: "previous" goes to scene 8's last beat.
    assert_eq!(tour.previous(&scenes, s.history().len()), Move::Enter);
    assert_eq!(caption(&tour, &scenes), Caption::DerivativeElevenHalf);
}
