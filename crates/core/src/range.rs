//! Parameter ranges: the bound every parameter keeps, ranges made finite, round slider
//! grids, ranges that widen only as far as a run needs, and views that widen in steps.
//!
//! This module imports nothing of the core: it is plain arithmetic on `(f64, f64)` ranges,
//! so every other module (the analysis, the optimizers, the session, the lesson's
//! validation) can use it without an import circle.

/// The largest parameter magnitude any analysis considers; keeps every range finite.
pub const PARAM_BOUND: f64 = 1e12;

/// Clamps a range to finite numbers within ±[`PARAM_BOUND`] and a nonzero width, so no
/// caller can hand an infinite or empty range onward.
pub fn finite_range((lo, hi): (f64, f64)) -> (f64, f64) {
    let clamp = |v: f64, fallback: f64| {
        if v.is_finite() {
            v.clamp(-PARAM_BOUND, PARAM_BOUND)
        } else if v == f64::INFINITY {
            PARAM_BOUND
        } else if v == f64::NEG_INFINITY {
            -PARAM_BOUND
        } else {
            fallback
        }
    };
    let (mut lo, mut hi) = (clamp(lo, -1.0), clamp(hi, 1.0));
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    if hi - lo < 1e-9 * (1.0 + lo.abs().max(hi.abs())) {
        let pad = 0.5 * (1.0 + lo.abs().max(hi.abs()) * 1e-3);
        lo = (lo - pad).max(-PARAM_BOUND);
        hi = (hi + pad).min(PARAM_BOUND);
    }
    (lo, hi)
}

/// The most positions a slider has across its range ([`slider_grid`]).
pub const SLIDER_POSITIONS: f64 = 1000.0;

/// How far a range widened for values outside it reaches beyond the farthest one, as a
/// fraction of the width it covers ([`covering_range`]).
const COVER_MARGIN: f64 = 0.1;

/// A slider for `range`: `(min, max, step)`. The step is "nice" (1, 2 or 5 × 10ᵏ) and
/// `min` and `max` are `range`'s ends rounded outward to multiples of it, so every slider
/// position is a round number: the lecture's range around a = 8 and 9.8 gets step 0.01,
/// and the slider lands on 8, 9, 9.8 and 10 exactly. The step is the smallest nice one
/// that leaves at most [`SLIDER_POSITIONS`] steps from `min` to `max` (more than 400).
///
/// `min` and `max` are the nearest doubles to their decimal values (6.28, not
/// 6.2800000000000002), so they print short; an end within a billionth of a step of a
/// multiple counts as on it, so rounding errors never add a step. The range first goes through
/// [`finite_range`]: the result is always finite, with `min < max` and `step > 0`, and a
/// range already on its grid comes back unchanged.
pub fn slider_grid(range: (f64, f64)) -> (f64, f64, f64) {
    // A range just over 1000 steps gets the next coarser step, and rounded out to it,
    // may fit 1000 of the finer one: grid the grid again until it stays put (once or
    // twice), so that a range on its grid keeps it.
    let mut grid = grid_once(finite_range(range));
    for _ in 0..4 {
        let again = grid_once((grid.0, grid.1));
        if again == grid {
            break;
        }
        grid = again;
    }
    grid
}

/// One pass of [`slider_grid`] over a finite range.
fn grid_once((lo, hi): (f64, f64)) -> (f64, f64, f64) {
    // Start below the first candidate, (hi − lo)/1000, and climb: an end snapped onto a
    // multiple can save the step that would go over. Each nice step is at least double
    // the one before, so this ends within four tries; the bound only guards the loop.
    let mut step = NiceStep::at_least((hi - lo) / (2.0 * SLIDER_POSITIONS));
    for _ in 0..8 {
        let (first, last) = (step.index_below(lo), step.index_above(hi));
        if last - first <= SLIDER_POSITIONS {
            return (step.at(first), step.at(last), step.value());
        }
        step = step.next();
    }
    let (first, last) = (step.index_below(lo), step.index_above(hi));
    (step.at(first), step.at(last), step.value())
}

/// The range to show for a parameter that takes `values` (its value now, and those of
/// the run that led there) when `home` is the range fitted to the problem: `home` itself
/// while every value lies inside it, otherwise `home` widened on the side a value lies
/// beyond, far enough that the farthest value keeps a margin of a tenth of the width.
/// The result depends on `home` and `values` alone — it never remembers an earlier
/// widening — and lies on its [`slider_grid`], so a slider over it produces only values
/// inside it. Non-finite values are ignored; the result is always finite.
pub fn covering_range(home: (f64, f64), values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (home_lo, home_hi) = finite_range(home);
    let (mut lo, mut hi) = (home_lo, home_hi);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        let v = v.clamp(-PARAM_BOUND, PARAM_BOUND);
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let margin = COVER_MARGIN * (hi - lo);
    if lo < home_lo {
        lo -= margin;
    }
    if hi > home_hi {
        hi += margin;
    }
    let (min, max, _) = slider_grid((lo, hi));
    (min, max)
}

/// 2^¼, the ratio of [`widen_in_steps`]'s steps past its linear ones.
const FOURTH_ROOT_OF_2: f64 = 1.189_207_115_002_721;

/// `base` widened to take in `needed`, side by side, in steps, so that something creeping
/// outward (a race's paths on the loss map, a model line leaving the data chart's still
/// window) changes the view now and then, not at every move: a side that must move out
/// moves by a whole number of `unit` × `base`'s width, up to `linear` of them, and past
/// that by powers of 2^¼ of `linear` units (a line a million times above the data must not
/// change the view at every move either). A side `needed` does not pass stays. The result
/// holds both ranges and is finite; a `base` without a finite positive width, or a
/// widening past the finite numbers, gives `needed` back.
pub fn widen_in_steps(base: (f64, f64), needed: (f64, f64), unit: f64, linear: f64) -> (f64, f64) {
    let unit = (base.1 - base.0) * unit;
    if !(unit.is_finite() && unit > 0.0) {
        return needed;
    }
    let step = |beyond: f64| -> f64 {
        if beyond.is_nan() || beyond <= 0.0 {
            return 0.0;
        }
        let units = beyond / unit;
        if units <= linear {
            return units.ceil() * unit;
        }
        // Multiplying rather than `powf` and `log2`, which would bring libm's pow into the
        // app's first-load build (+3.4 KB gzip); at most about 4 000 rounds up to f64::MAX.
        let mut whole = linear;
        while whole < units && whole.is_finite() {
            whole *= FOURTH_ROOT_OF_2;
        }
        // Rounding may land a hair short: never less than what is needed.
        (whole * unit).max(beyond)
    };
    let widened = (
        base.0 - step(base.0 - needed.0),
        base.1 + step(needed.1 - base.1),
    );
    if widened.0.is_finite() && widened.1.is_finite() {
        widened
    } else {
        needed
    }
}

/// A step of the form m × 10ᵉ with m ∈ {1, 2, 5}, kept as its two parts so that its
/// multiples can be computed as exactly as decimal numbers allow.
#[derive(Clone, Copy, Debug)]
struct NiceStep {
    /// 1, 2 or 5.
    mantissa: u8,
    exponent: i32,
}

impl NiceStep {
    /// The smallest nice step at least `width` (a positive, finite number).
    fn at_least(width: f64) -> Self {
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            f64::MIN_POSITIVE
        };
        // log10 may be off by one near a power of ten: start a decade low and climb.
        let mut step = NiceStep {
            mantissa: 1,
            exponent: width.log10().floor() as i32 - 1,
        };
        for _ in 0..8 {
            if step.value() >= width {
                break;
            }
            step = step.next();
        }
        step
    }

    /// The next larger nice step: 1 → 2 → 5 → 10.
    fn next(self) -> Self {
        match self.mantissa {
            1 => NiceStep {
                mantissa: 2,
                ..self
            },
            2 => NiceStep {
                mantissa: 5,
                ..self
            },
            _ => NiceStep {
                mantissa: 1,
                exponent: self.exponent + 1,
            },
        }
    }

    /// The step as a number.
    fn value(self) -> f64 {
        self.at(1.0)
    }

    /// The `index`-th multiple of the step (`index` a whole number). A negative exponent
    /// divides by an exact power of ten, so 628 × 0.01 comes out as the double nearest
    /// 6.28 rather than 6.28 plus a rounding error.
    fn at(self, index: f64) -> f64 {
        let multiple = index * f64::from(self.mantissa);
        if self.exponent < 0 {
            multiple / 10f64.powi(-self.exponent)
        } else {
            multiple * 10f64.powi(self.exponent)
        }
    }

    /// `value` in steps, snapped to a whole number when it is one but for rounding.
    fn steps(self, value: f64) -> f64 {
        let mantissa = f64::from(self.mantissa);
        let steps = if self.exponent < 0 {
            value * 10f64.powi(-self.exponent) / mantissa
        } else {
            value / 10f64.powi(self.exponent) / mantissa
        };
        let whole = steps.round();
        if (steps - whole).abs() <= 1e-9 + 1e-14 * steps.abs() {
            whole
        } else {
            steps
        }
    }

    /// The index of the largest multiple of the step at or below `value`.
    fn index_below(self, value: f64) -> f64 {
        self.steps(value).floor()
    }

    /// The index of the smallest multiple of the step at or above `value`.
    fn index_above(self, value: f64) -> f64 {
        self.steps(value).ceil()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn finite_range_never_returns_infinite_or_empty_ranges() {
        for r in [
            (f64::NAN, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY),
            (3.0, 3.0),
            (5.0, -5.0),
            (-1e308, 1e308),
        ] {
            let (lo, hi) = finite_range(r);
            assert!(
                lo.is_finite() && hi.is_finite() && lo < hi,
                "{r:?} -> {lo} {hi}"
            );
        }
    }

    /// Whether `value` is a slider position: `min` plus a whole number of steps, to
    /// rounding (the browser counts the steps in decimal, so it lands exactly).
    pub(crate) fn on_grid(value: f64, (min, _, step): (f64, f64, f64)) -> bool {
        let steps = (value - min) / step;
        (steps - steps.round()).abs() < 1e-6
    }

    /// Checks what every grid promises for `range`, and returns the grid.
    pub(crate) fn checked_grid(range: (f64, f64)) -> (f64, f64, f64) {
        let grid = slider_grid(range);
        let (min, max, step) = grid;
        assert!(
            min.is_finite() && max.is_finite() && step.is_finite(),
            "{range:?} -> {grid:?}"
        );
        assert!(min < max && step > 0.0, "{range:?} -> {grid:?}");
        let (lo, hi) = finite_range(range);
        // Outward, but for the billionth of a step that rounding errors are snapped by.
        let slack = 2e-9 * step + 2e-14 * lo.abs().max(hi.abs());
        assert!(
            min <= lo + slack && hi - slack <= max,
            "{range:?} -> {grid:?}: rounded inward"
        );
        let positions = (max - min) / step;
        assert!(
            (400.0..=SLIDER_POSITIONS + 1e-6).contains(&positions),
            "{range:?} -> {grid:?}: {positions} steps"
        );
        assert!(
            on_grid(max, grid),
            "{range:?} -> {grid:?}: max off the grid"
        );
        let mantissa = step / 10f64.powf(step.log10().floor());
        assert!(
            [1.0, 2.0, 5.0, 10.0]
                .iter()
                .any(|m| (mantissa - m).abs() < 1e-9),
            "{range:?} -> step {step} is not 1, 2 or 5 × 10^k"
        );
        assert!(
            (min / step - (min / step).round()).abs() < 1e-6,
            "{range:?} -> {grid:?}: min is not a multiple of the step"
        );
        assert_eq!(slider_grid((min, max)), grid, "{range:?}: not stable");
        grid
    }

    #[test]
    fn slider_grids_of_tiny_huge_negative_and_broken_ranges_keep_their_promises() {
        for range in [
            (0.3, 0.3 + 2e-9),
            (-1e-12, 1e-12),
            (1e12 - 1e4, 1e12),
            (-1e12, 1e12),
            (-1e308, 1e308),
            (6.0, 1e12),
            (-7.3, -2.1),
            (-0.5, 0.5),
            (-0.2612, 0.4987),
            (0.0, 1.0),
            (0.0, 0.999),
            (0.0, 1.001),
            (3.0, 3.0),
            (5.0, -5.0),
            (f64::NAN, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY),
            (f64::INFINITY, f64::INFINITY),
            // Cases the property test below once found: a range padded to just over
            // 1000 steps of 0.001 must come back the same when gridded again.
            (1.2546217866255103e-12, 0.0),
            (1.240534976087193e-308, -1.062855613026418e54),
            (-8.325183711549557e203, f64::NAN),
        ] {
            checked_grid(range);
        }
        assert_eq!(slider_grid((-7.3, -2.1)), (-7.3, -2.1, 0.01));
        assert_eq!(slider_grid((-1e12, 1e12)), (-1e12, 1e12, 2e9));
        assert_eq!(slider_grid((0.0, 1.0)), (0.0, 1.0, 0.001));
        // Never beyond the bound every parameter keeps.
        let (min, max, _) = slider_grid((-1e308, 1e308));
        assert!(-PARAM_BOUND <= min && max <= PARAM_BOUND);
    }

    #[test]
    fn a_covering_range_is_home_while_the_values_are_inside() {
        let home = (6.3, 11.5);
        assert_eq!(covering_range(home, [8.0]), home);
        assert_eq!(covering_range(home, [6.3, 11.5, 9.8]), home);
        assert_eq!(covering_range(home, []), home);
        assert_eq!(covering_range(home, [f64::NAN, f64::INFINITY, 10.0]), home);
    }

    #[test]
    fn a_covering_range_widens_only_the_side_a_value_lies_beyond() {
        let home = (6.3, 11.5);
        let (lo, hi) = covering_range(home, [80.0]);
        assert!(lo <= 6.3 && lo > 6.0, "{lo}");
        // A margin of a tenth of the width, so the value is not at the very end.
        assert!(
            80.0 + 0.09 * (hi - lo) < hi && hi < 80.0 + 0.2 * (hi - lo),
            "{hi}"
        );
        let (lo, hi) = covering_range(home, [1.0]);
        assert!(lo < 1.0 && hi == 11.5, "{lo}..{hi}");
        let (lo, hi) = covering_range(home, [1.0, 20.0]);
        assert!(lo < 1.0 && 20.0 < hi, "{lo}..{hi}");
        let (lo, hi) = covering_range(home, [1e308]);
        assert!(lo <= 6.3 && hi == PARAM_BOUND, "{lo}..{hi}");
        let grid = slider_grid((lo, hi));
        assert_eq!((grid.0, grid.1), (lo, hi), "on its slider grid");
    }

    proptest::proptest! {
        #[test]
        fn every_slider_grid_keeps_its_promises(
            lo in proptest::num::f64::ANY, hi in proptest::num::f64::ANY,
        ) {
            checked_grid((lo, hi));
        }

        #[test]
        fn every_slider_grid_of_a_classroom_sized_range_keeps_its_promises(
            lo in -1e4..1e4f64, width in 1e-6..1e5f64,
        ) {
            checked_grid((lo, lo + width));
        }

        #[test]
        fn every_covering_range_covers_home_and_the_values_on_its_grid(
            lo in -1e6..1e6f64, width in 1e-3..1e6f64,
            values in proptest::collection::vec(-1e13..1e13f64, 0..4),
        ) {
            let (home_lo, home_hi, _) = slider_grid((lo, lo + width));
            let (cover_lo, cover_hi) = covering_range((home_lo, home_hi), values.iter().copied());
            proptest::prop_assert!(cover_lo <= home_lo && home_hi <= cover_hi);
            for v in values.iter().map(|v| v.clamp(-PARAM_BOUND, PARAM_BOUND)) {
                proptest::prop_assert!(cover_lo <= v && v <= cover_hi, "{} outside", v);
            }
            let (min, max, _) = slider_grid((cover_lo, cover_hi));
            proptest::prop_assert_eq!((min, max), (cover_lo, cover_hi));
            if values.iter().all(|v| (home_lo..=home_hi).contains(v)) {
                proptest::prop_assert_eq!((cover_lo, cover_hi), (home_lo, home_hi));
            }
        }
    }
}
