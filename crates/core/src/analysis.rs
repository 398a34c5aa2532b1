//! Analysis for the charts: the loss sampled over a parameter range, the closed-form
//! least-squares optimum, the local extrema of a one-dimensional loss curve, and a range
//! that shows all of it. The [`Problem`] methods that answer these questions
//! ([`Problem::optimum`], [`Problem::loss_curve`], [`Problem::extrema`],
//! [`Problem::default_range`]) are defined here, so that `problem` never imports
//! `analysis`: the analysis sits above the problem it analyses.
//!
//! (Over 400 lines with a reason: the extrema search and the ranges built on it stay in
//! one place, beside the test that holds the outermost-only search to the full one.)

use crate::normal::{Features, NormalEquations};
use crate::problem::Problem;
// The range helpers lived here before they had a module of their own (`range`); code
// written before still names them through `analysis`.
pub use crate::range::{covering_range, finite_range, slider_grid, PARAM_BOUND, SLIDER_POSITIONS};

impl Problem {
    /// The exact minimiser, where a closed form exists (see [`closed_form`]).
    pub fn optimum(&self, params: &[f64]) -> Optimum {
        closed_form(self, params)
    }

    /// L sampled as parameter `index` sweeps `range`, the others held at `params`.
    pub fn loss_curve(
        &self,
        params: &[f64],
        index: usize,
        range: (f64, f64),
        samples: usize,
    ) -> Curve {
        sample_loss(self, params, index, range, samples)
    }

    /// The local minima and maxima of L along parameter `index` within `range`.
    pub fn extrema(&self, params: &[f64], index: usize, range: (f64, f64)) -> Vec<Extremum> {
        extrema(self, params, index, range, EXTREMA_SAMPLES)
    }

    /// L along the first parameter over `range` (`samples` values), with its minima and
    /// maxima, the other parameters held at `params` (the first one's own value does not
    /// matter). Empty without data. The minimum is the exact one where a closed form
    /// exists, otherwise every local minimum inside the range.
    pub fn loss_landscape(
        &self,
        params: &[f64],
        range: (f64, f64),
        samples: usize,
    ) -> LossLandscape {
        let mut landscape = LossLandscape::default();
        if self.data.is_empty() {
            return landscape;
        }
        let mut params = params.to_vec();
        if let Some(a) = params.first_mut() {
            *a = 0.0;
        }
        let curve = self.loss_curve(&params, 0, range, samples);
        landscape.curve = curve.points;
        landscape.undefined = curve.gaps;
        // The lowest point of this curve: along a alone, the others where they stand.
        match closed_form_along(self, &params, 0) {
            Optimum::Unique(best) => {
                let a = best.first().copied().unwrap_or(0.0);
                if let Some(first) = params.first_mut() {
                    *first = a;
                }
                landscape.minima.push((a, self.loss_at(&params)));
                landscape.global = true;
            }
            Optimum::NoUniqueMinimum => {}
            Optimum::NotAvailable => {
                for e in self.extrema(&params, 0, range) {
                    match e.kind {
                        ExtremumKind::Minimum => landscape.minima.push((e.value, e.loss)),
                        ExtremumKind::Maximum => landscape.maxima.push((e.value, e.loss)),
                    }
                }
            }
        }
        landscape
    }

    /// A range of parameter `index` that shows both its current value and the
    /// minimum (see [`default_range`]).
    pub fn default_range(&self, params: &[f64], index: usize) -> (f64, f64) {
        default_range(self, params, index)
    }
}

/// L along the first parameter over a range, with its minima and maxima: what the loss
/// chart draws beneath the current point (none of it moves when that parameter does).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LossLandscape {
    /// `(parameter value, L)` for every finite sample, in increasing order.
    pub curve: Vec<(f64, f64)>,
    /// The minima `(parameter value, L)`: the exact one where a closed form exists,
    /// otherwise every local minimum inside the range.
    pub minima: Vec<(f64, f64)>,
    /// The local maxima inside the range (only where no closed form exists).
    pub maxima: Vec<(f64, f64)>,
    /// Whether the minimum is the exact, global one (closed form) rather than local.
    pub global: bool,
    /// The sampled parameter values where L is not a finite number (a typed formula not
    /// defined at some row, or an overflow), in increasing order: the chart's hatched band.
    pub undefined: Vec<f64>,
}

/// How many derivative samples [`Problem::extrema`] scans before refining.
pub const EXTREMA_SAMPLES: usize = 400;

/// The loss sampled along one parameter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Curve {
    /// `(parameter value, L)` for every finite sample, in increasing parameter order.
    pub points: Vec<(f64, f64)>,
    /// How many samples were left out because L was not finite there.
    pub skipped: usize,
    /// The parameter values of those samples, in increasing order.
    pub gaps: Vec<f64>,
}

/// Whether an extremum is a minimum or a maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtremumKind {
    /// A local minimum: ∂L/∂θ goes from negative to positive.
    Minimum,
    /// A local maximum: ∂L/∂θ goes from positive to negative.
    Maximum,
}

/// A local extremum of L along one parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extremum {
    /// The parameter value where ∂L/∂θ changes sign.
    pub value: f64,
    /// L there.
    pub loss: f64,
    /// Minimum or maximum.
    pub kind: ExtremumKind,
}

/// The exact minimiser of a least-squares problem.
#[derive(Clone, Debug, PartialEq)]
pub enum Optimum {
    /// One minimiser: the full parameter vector (frozen parameters keep their values).
    Unique(Vec<f64>),
    /// Every point of a line (or the whole space) is a minimum: e.g. every x is 0, so a
    /// changes nothing, or there is no data at all.
    NoUniqueMinimum,
    /// No closed form here: the L1 loss, a model not linear in its parameters, or no
    /// free parameter. Use [`Problem::extrema`] instead.
    NotAvailable,
}

impl Optimum {
    /// The unique minimiser, if there is one.
    pub fn unique(&self) -> Option<&[f64]> {
        match self {
            Optimum::Unique(p) => Some(p),
            _ => None,
        }
    }
}

/// The closed-form minimiser of the L2 loss or MSE for a model linear in its
/// parameters, solving the normal equations over the free parameters:
/// - a alone: `a* = Σx(y − b)/Σx²` (for ŷ = a·x, `a* = Σxy/Σx²`: 1217.65/124.25 = 9.8);
/// - b alone: `b* = (Σy − aΣx)/n`;
/// - a and b: `a* = (nΣxy − ΣxΣy)/(nΣx² − (Σx)²)`, `b* = (Σy − a*Σx)/n`.
///
/// A zero denominator (every x is 0, every x equal, or no data) gives
/// [`Optimum::NoUniqueMinimum`]. A typed model linear in its parameters with other
/// features (`2.5*a*x + b`) solves its own normal equations ([`NormalEquations`]).
pub fn closed_form(problem: &Problem, params: &[f64]) -> Optimum {
    closed_form_over(problem, params, &|i| !problem.is_frozen(i))
}

/// The closed-form minimiser of L along parameter `index` alone, the others held at
/// `params`: the lowest point of the loss curve drawn along it, which is the joint
/// minimum only where the others already stand at theirs (for ŷ = a·x + b at b = 0.2,
/// `a = Σx(y − 0.2)/Σx²`, not the joint a* = 9.8).
pub fn closed_form_along(problem: &Problem, params: &[f64], index: usize) -> Optimum {
    closed_form_over(problem, params, &|i| i == index)
}

/// [`closed_form`] over the parameters `free` says are free (the rest held at `params`).
fn closed_form_over(problem: &Problem, params: &[f64], free: &dyn Fn(usize) -> bool) -> Optimum {
    let model = &problem.model;
    if !model.is_linear_in(free) || !problem.loss.is_quadratic() {
        return Optimum::NotAvailable;
    }
    let mut best: Vec<f64> = (0..model.param_count())
        .map(|i| params.get(i).copied().unwrap_or(0.0))
        .collect();
    // A typed model with other features (2.5·a·x + b, a·x² + b …): the general equations.
    match NormalEquations::of(model, problem.data.points(), &best, &|i| !free(i)) {
        Features::BuiltIn => {}
        Features::Unusable => return Optimum::NotAvailable,
        Features::General(equations) => {
            return match equations.solve() {
                Some(values) => {
                    for (&i, v) in equations.free().iter().zip(values) {
                        best[i] = v;
                    }
                    Optimum::Unique(best)
                }
                None => Optimum::NoUniqueMinimum,
            };
        }
    }
    let s = problem.data.sums();
    let a_free = free(0);
    let b_free = model.param_count() > 1 && free(1);
    let b = if model.param_count() > 1 {
        best[1]
    } else {
        0.0
    };
    let a = best[0];
    let tiny = |d: f64, scale: f64| d.abs() <= 1e-12 * scale.abs() || d == 0.0;
    // b = (Σy − a·Σx)/n cancels when the line passes through the origin (the lecture's
    // F = 9.8·m): what is left is rounding noise (−3.8e−14), which a readout would show
    // as a real intercept. Below a trillionth of the terms it is 0.
    let intercept = |a: f64| {
        let numerator = s.y - a * s.x;
        if tiny(numerator, s.y.abs() + (a * s.x).abs()) {
            0.0
        } else {
            numerator / s.n
        }
    };
    match (a_free, b_free) {
        (false, false) => return Optimum::NotAvailable,
        (true, false) => {
            if tiny(s.xx, s.xx) {
                return Optimum::NoUniqueMinimum;
            }
            best[0] = (s.xy - b * s.x) / s.xx;
        }
        (false, true) => {
            if s.n == 0.0 {
                return Optimum::NoUniqueMinimum;
            }
            best[1] = intercept(a);
        }
        (true, true) => {
            let det = s.n * s.xx - s.x * s.x;
            if s.n == 0.0 || tiny(det, s.n * s.xx) {
                return Optimum::NoUniqueMinimum;
            }
            best[0] = (s.n * s.xy - s.x * s.y) / det;
            best[1] = intercept(best[0]);
        }
    }
    if best.iter().all(|v| v.is_finite()) {
        Optimum::Unique(best)
    } else {
        Optimum::NoUniqueMinimum
    }
}

/// L at `samples` evenly spaced values of parameter `index` over `range` (clamped with
/// [`finite_range`]), the other parameters held at `params`; non-finite values of L are
/// left out and counted.
pub fn sample_loss(
    problem: &Problem,
    params: &[f64],
    index: usize,
    range: (f64, f64),
    samples: usize,
) -> Curve {
    let (lo, hi) = finite_range(range);
    let samples = samples.max(2);
    let mut theta = full_params(problem, params);
    let mut curve = Curve {
        points: Vec::with_capacity(samples),
        skipped: 0,
        gaps: Vec::new(),
    };
    if index >= theta.len() {
        return curve;
    }
    for k in 0..samples {
        let v = lo + (hi - lo) * (k as f64) / ((samples - 1) as f64);
        theta[index] = v;
        let l = problem.loss_at(&theta);
        if l.is_finite() {
            curve.points.push((v, l));
        } else {
            curve.skipped += 1;
            curve.gaps.push(v);
        }
    }
    curve
}

/// ∂L/∂θ and L along parameter `index`, every parameter free and the others at `params`:
/// what the extrema searches sample and bisect. `None` without data or past the last
/// parameter.
fn along<'a>(
    problem: &'a Problem,
    params: &[f64],
    index: usize,
) -> Option<impl FnMut(f64) -> (f64, f64) + 'a> {
    let mut theta = full_params(problem, params);
    if index >= theta.len() || problem.data.is_empty() {
        return None;
    }
    let all_free = vec![true; theta.len()];
    Some(move |v: f64| {
        theta[index] = v;
        let e = problem.evaluate_free(&theta, &all_free);
        (e.gradient.get(index).copied().unwrap_or(f64::NAN), e.loss)
    })
}

/// The local minima and maxima of L along parameter `index` within `range`: the places
/// where ∂L/∂θ changes sign between `samples` evenly spaced values, each refined by
/// bisection to machine precision. In increasing parameter order.
pub fn extrema(
    problem: &Problem,
    params: &[f64],
    index: usize,
    range: (f64, f64),
    samples: usize,
) -> Vec<Extremum> {
    let (lo, hi) = finite_range(range);
    let Some(mut derivative) = along(problem, params, index) else {
        return Vec::new();
    };
    let samples = samples.max(3);
    let mut found = Vec::new();
    // The last sample whose derivative had a sign: (value, sign).
    let mut last: Option<(f64, f64)> = None;
    for k in 0..samples {
        let v = lo + (hi - lo) * (k as f64) / ((samples - 1) as f64);
        let (d, _) = derivative(v);
        if !d.is_finite() || d == 0.0 {
            continue;
        }
        let sign = d.signum();
        if let Some((prev, prev_sign)) = last {
            if sign != prev_sign {
                let root = bisect(&mut derivative, prev, v, prev_sign);
                let (_, l) = derivative(root);
                found.push(Extremum {
                    value: root,
                    loss: l,
                    kind: if prev_sign < 0.0 {
                        ExtremumKind::Minimum
                    } else {
                        ExtremumKind::Maximum
                    },
                });
            }
        }
        last = Some((v, sign));
    }
    found
}

/// Narrows `[lo, hi]`, where the derivative has sign `lo_sign` at `lo` and the other
/// sign at `hi`, to the point where it changes sign.
fn bisect(derivative: &mut impl FnMut(f64) -> (f64, f64), lo: f64, hi: f64, lo_sign: f64) -> f64 {
    bisect_at_most(derivative, lo, hi, lo_sign, 200)
}

/// How many times [`default_range`] halves a bracket between two samples of its scan: to
/// a 2⁻²⁴th of the samples' spacing, a ten-billionth of the scan. A range needs no more
/// (it is rounded to the slider's grid), and each halving is a pass over the data: to
/// machine precision a bracket takes about 52 (a typed formula over 1 000 points spent
/// most of its keystroke's range search on them).
const RANGE_BISECTIONS: usize = 24;

/// [`bisect`] halving the bracket at most `steps` times.
fn bisect_at_most(
    derivative: &mut impl FnMut(f64) -> (f64, f64),
    lo: f64,
    hi: f64,
    lo_sign: f64,
    steps: usize,
) -> f64 {
    let (mut lo, mut hi) = (lo, hi);
    for _ in 0..steps {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        let (d, _) = derivative(mid);
        if d == 0.0 {
            return mid;
        }
        if d.signum() == lo_sign {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// A range of parameter `index` that shows its current value and every minimum nearby
/// (the closed-form one, or else the local extrema within a wide scan), with a margin on
/// both sides. Always finite and of nonzero width.
pub fn default_range(problem: &Problem, params: &[f64], index: usize) -> (f64, f64) {
    range_around(problem, params, index, true).unwrap_or((-1.0, 1.0))
}

/// [`default_range`] where it needs no scan for extrema (a closed form gives the
/// minimum); `None` where it does: a scan is hundreds of passes over the data, which the
/// caller may want to make later ([`crate::Session::settle_ranges`]).
pub fn range_without_scan(problem: &Problem, params: &[f64], index: usize) -> Option<(f64, f64)> {
    range_around(problem, params, index, false)
}

/// Where [`default_range`] looks for extrema along parameter `index` from `current`:
/// twice the value's size (at least 2) each side.
pub fn scan_window(current: f64) -> (f64, f64) {
    let reach = 2.0 * current.abs().max(1.0);
    (current - reach, current + reach)
}

/// [`default_range`], or `None` where it needs a scan and `scan` is false.
fn range_around(problem: &Problem, params: &[f64], index: usize, scan: bool) -> Option<(f64, f64)> {
    let theta = full_params(problem, params);
    let Some(&current) = theta.get(index) else {
        return Some((-1.0, 1.0));
    };
    let current = if current.is_finite() {
        current.clamp(-PARAM_BOUND, PARAM_BOUND)
    } else {
        0.0
    };
    let mut marks = vec![current];
    match closed_form(problem, &theta) {
        Optimum::Unique(best) => {
            marks.push(best[index]);
            // And the lowest point of the curve along this parameter, which the loss
            // chart marks (the same place when the others stand at their minimum).
            if let Optimum::Unique(along) = closed_form_along(problem, &theta, index) {
                marks.push(along[index]);
            }
        }
        // L along this parameter alone is a parabola (`a*sin(b*x)` along a): its one
        // minimum in closed form, where a scan would take every sample to find it.
        _ if let Optimum::Unique(along) = closed_form_along(problem, &theta, index) => {
            marks.push(along[index]);
        }
        _ if !scan => return None,
        _ => {
            marks.extend(outermost_extrema(
                problem,
                &theta,
                index,
                scan_window(current),
                EXTREMA_SAMPLES,
            ));
        }
    }
    let lo = marks.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = marks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(0.5 * lo.abs().max(hi.abs())).max(1e-3);
    Some(finite_range((lo - 0.35 * span, hi + 0.35 * span)))
}

/// The places of the first and the last extremum [`extrema`] finds with the same
/// arguments (one place when there is one; none when there is none), each refined
/// [`RANGE_BISECTIONS`] times rather than to machine precision, without the ones
/// between: all that [`default_range`] needs of them, since a range only reaches to the
/// outermost. ∂L/∂θ is sampled from the left up to its first sign change
/// and from the right down to its last, and only those two are refined: along b of
/// `a*sin(b*x)`, whose L has a dozen extrema, that is a tenth of the passes over the data.
fn outermost_extrema(
    problem: &Problem,
    params: &[f64],
    index: usize,
    range: (f64, f64),
    samples: usize,
) -> Vec<f64> {
    let (lo, hi) = finite_range(range);
    let Some(mut derivative) = along(problem, params, index) else {
        return Vec::new();
    };
    let samples = samples.max(3);
    // The very expression `extrema` samples at, so the values are the same bits.
    let at = |k: usize| lo + (hi - lo) * (k as f64) / ((samples - 1) as f64);
    // ∂L/∂θ's sign at sample k; `None` where `extrema` skips it (not finite, or 0).
    let mut sign = |k: usize| {
        let (d, _) = derivative(at(k));
        (d.is_finite() && d != 0.0).then(|| d.signum())
    };
    // A sign change between two signed samples with none signed between them:
    // (left sample, right sample, the left one's sign).
    let mut first = None;
    let mut last: Option<(usize, f64)> = None;
    for k in 0..samples {
        let Some(s) = sign(k) else { continue };
        if let Some((before, before_sign)) = last {
            if s != before_sign {
                first = Some((before, k, before_sign));
                break;
            }
        }
        last = Some((k, s));
    }
    let Some(first) = first else {
        return Vec::new();
    };
    // From the right, down to the first change's left sample at most (it is a change).
    let mut final_change = first;
    let mut next: Option<(usize, f64)> = None;
    for k in (first.0..samples).rev() {
        let Some(s) = sign(k) else { continue };
        if let Some((after, after_sign)) = next {
            if s != after_sign {
                final_change = (k, after, s);
                break;
            }
        }
        next = Some((k, s));
    }
    let mut root = |(left, right, left_sign): (usize, usize, f64)| {
        bisect_at_most(
            &mut derivative,
            at(left),
            at(right),
            left_sign,
            RANGE_BISECTIONS,
        )
    };
    let leftmost = root(first);
    if final_change == first {
        vec![leftmost]
    } else {
        vec![leftmost, root(final_change)]
    }
}

fn full_params(problem: &Problem, params: &[f64]) -> Vec<f64> {
    (0..problem.model.param_count())
        .map(|i| params.get(i).copied().unwrap_or(0.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::range::tests::{checked_grid, on_grid};

    /// [`default_range`] as it was before it refined only the outermost extrema: every
    /// extremum [`extrema`] finds, then the same margin.
    fn range_from_every_extremum(problem: &Problem, params: &[f64], index: usize) -> (f64, f64) {
        let theta = full_params(problem, params);
        let current = theta[index].clamp(-PARAM_BOUND, PARAM_BOUND);
        let mut marks = vec![current];
        match closed_form(problem, &theta) {
            Optimum::Unique(best) => marks.push(best[index]),
            // Checked against the scan by `along_a_linear_parameter_the_closed_form_is_the_scanned_minimum`.
            _ if let Optimum::Unique(along) = closed_form_along(problem, &theta, index) => {
                marks.push(along[index]);
            }
            _ => {
                let reach = 2.0 * current.abs().max(1.0);
                let scan = (current - reach, current + reach);
                let found = extrema(problem, &theta, index, scan, EXTREMA_SAMPLES);
                marks.extend(found.iter().map(|e| e.value));
            }
        }
        let lo = marks.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = marks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let span = (hi - lo).max(0.5 * lo.abs().max(hi.abs())).max(1e-3);
        finite_range((lo - 0.35 * span, hi + 0.35 * span))
    }

    /// Where ŷ is affine in one parameter (`a*sin(b*x)`, `a*exp(-b*x)`, `a*x^2` along a;
    /// `a*x + b - 2a^2` along b), L2 along it is a parabola: its closed-form minimum
    /// ([`closed_form_along`], which [`default_range`] and the loss chart use instead of
    /// a scan) is the one minimum the scan finds and bisects, to within rounding, and the
    /// scan finds no other extremum.
    #[cfg(feature = "formula")]
    #[test]
    fn along_a_linear_parameter_the_closed_form_is_the_scanned_minimum() {
        use crate::formula::ParseOptions;
        use crate::model::Model;
        use crate::presets::Preset;
        use crate::Loss;
        let data = Preset::Lecture.lesson().problem().data;
        let mut compared = 0;
        for (text, index) in [
            ("a*sin(b*x)", 0),
            ("a*exp(-b*x)", 0),
            ("a*x^2", 0),
            ("a*x + b - 2a^2", 1),
            ("a*cos(b*x + c) + d", 3),
        ] {
            let Ok(model) = Model::parse_formula(text, ParseOptions::default()) else {
                panic!("{text} does not parse");
            };
            let problem = Problem::new(data.clone(), model, Loss::L2);
            for params in [[8.0, 0.3, 0.5, -1.0], [-3.0, 0.05, 2.0, 4.0]] {
                let Optimum::Unique(along) = closed_form_along(&problem, &params, index) else {
                    panic!("{text}: no closed form along θ{index}");
                };
                let m = along[index];
                let scan = (
                    m - 2.0 * m.abs().max(1.0),
                    m + 2.0 * m.abs().max(1.0) + 0.37,
                );
                let found = extrema(&problem, &params, index, scan, EXTREMA_SAMPLES);
                assert_eq!(found.len(), 1, "{text} {params:?}: {found:?}");
                assert_eq!(found[0].kind, ExtremumKind::Minimum);
                let tolerance = 1e-9 * m.abs().max(1.0);
                assert!(
                    (found[0].value - m).abs() <= tolerance,
                    "{text} {params:?}: scanned {} against closed form {m}",
                    found[0].value
                );
                compared += 1;
            }
        }
        assert_eq!(compared, 10);
        // Not linear along b: no closed form, so the range still scans.
        let Ok(model) = Model::parse_formula("a*sin(b*x)", ParseOptions::default()) else {
            panic!("parses");
        };
        let problem = Problem::new(data, model, Loss::L2);
        assert_eq!(
            closed_form_along(&problem, &[8.0, 0.3], 1),
            Optimum::NotAvailable
        );
    }

    /// Only the outermost extrema are refined now, and only 24 times: every range must be
    /// the one every extremum gave (within a billionth of the scan, on the same slider
    /// grid), for models with none, one and many extrema along a
    /// parameter, undefined stretches (∂L/∂θ NaN, skipped) and a frozen parameter.
    #[cfg(feature = "formula")]
    #[test]
    fn a_range_from_the_outermost_extrema_is_the_range_from_every_extremum() {
        use crate::data::Dataset;
        use crate::formula::ParseOptions;
        use crate::model::Model;
        use crate::Loss;
        // 40 points of a noisy line, as the benchmark's table (a small LCG).
        let mut seed = 42u64;
        let mut noise = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        let pairs: Vec<(f64, f64)> = (0..40)
            .map(|_| {
                let x = 10.0 * (noise() + 0.5);
                (x, 9.8 * x + 4.0 * noise())
            })
            .collect();
        let Ok(data) = Dataset::from_pairs(&pairs) else {
            panic!("finite points");
        };
        let mut checked = 0;
        let mut many = 0;
        for text in [
            "a*sin(b*x)",
            "a*x^2",
            "a*exp(-b*x)",
            "1/(1 + exp(-(a*x + b)))",
            "a*x + b - 2a^2",
            "sqrt(a*x) + b",
            "a*cos(b*x + c) + d",
            "ln(a - x)*b",
        ] {
            let Ok(model) = Model::parse_formula(text, ParseOptions::default()) else {
                panic!("{text} does not parse");
            };
            for loss in [Loss::L2, Loss::L1] {
                let mut problem = Problem::new(data.clone(), model.clone(), loss);
                for params in [[0.0; 4], [8.0, 1.0, 0.5, -1.0], [-3.0, 7.5, 2.0, 0.0]] {
                    for frozen in [false, true] {
                        problem.frozen = vec![frozen; model.param_count()];
                        for index in 0..model.param_count() {
                            let want = range_from_every_extremum(&problem, &params, index);
                            let got = default_range(&problem, &params, index);
                            let theta = full_params(&problem, &params);
                            let reach = 2.0 * theta[index].abs().max(1.0);
                            // Refined 24 times rather than to machine precision: within
                            // a billionth of the scan, and the same slider.
                            let near = |u: f64, v: f64| (u - v).abs() <= 1e-9 * reach;
                            assert!(
                                near(got.0, want.0) && near(got.1, want.1),
                                "{text} {loss:?} {params:?} θ{index}: {got:?} vs {want:?}"
                            );
                            assert_eq!(
                                slider_grid(got),
                                slider_grid(want),
                                "{text} {loss:?} {params:?} θ{index}"
                            );
                            checked += 1;
                            let scan = (theta[index] - reach, theta[index] + reach);
                            if extrema(&problem, &theta, index, scan, EXTREMA_SAMPLES).len() > 2 {
                                many += 1;
                            }
                        }
                    }
                }
            }
        }
        // The comparison covered ranges whose search skipped extrema in between.
        assert!(
            checked > 100 && many > 5,
            "{checked} ranges, {many} with many extrema"
        );
    }

    #[test]
    fn the_lecture_slider_lands_on_8_9_9_8_and_10() {
        let problem = crate::presets::lecture().problem();
        let range = default_range(&problem, &[8.0], 0);
        let grid = checked_grid(range);
        let (min, max, step) = grid;
        assert!(step == 0.01 || step == 0.005, "step {step}");
        for a in [5.0, 8.0, 9.0, 9.8, 10.0, 11.5] {
            if (min..=max).contains(&a) {
                assert!(on_grid(a, grid), "{a} is not a position of {grid:?}");
            }
        }
        assert!(min <= 8.0 && 10.0 <= max, "{grid:?}");
        // The attributes the slider gets are short decimals.
        assert_eq!(
            (min.to_string(), max.to_string(), step.to_string()),
            ("6.28".to_owned(), "11.52".to_owned(), "0.01".to_owned())
        );
    }
}
