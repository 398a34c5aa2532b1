//! Data: the (x, y) points a model is fitted to, and the names of their columns.

use serde::{Deserialize, Serialize};

/// One observation: the input `x` and the observed output `y`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// The input, e.g. the mass m.
    pub x: f64,
    /// The observed output, e.g. the force F.
    pub y: f64,
}

impl Point {
    /// A point from its two coordinates.
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Whether both coordinates are finite numbers (neither NaN nor ±∞).
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// The names of the two columns. Renaming them (x, y → m, F) changes no number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// Name of the input column (default `x`).
    pub x: String,
    /// Name of the output column (default `y`).
    pub y: String,
}

impl Default for Labels {
    fn default() -> Self {
        Self::new("x", "y")
    }
}

impl Labels {
    /// Labels from two names.
    pub fn new(x: impl Into<String>, y: impl Into<String>) -> Self {
        Self {
            x: x.into(),
            y: y.into(),
        }
    }
}

/// A dataset: finite points only, and the column labels.
///
/// The only way in is [`Dataset::new`] or [`Dataset::push`], both of which refuse
/// non-finite values, so every loss computed over a dataset starts from real numbers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    labels: Labels,
    points: Vec<Point>,
}

/// A value that may not enter a dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NonFinitePoint {
    /// Position of the offending point in the input.
    pub index: usize,
}

impl std::fmt::Display for NonFinitePoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "point {} is not a finite number", self.index)
    }
}

impl std::error::Error for NonFinitePoint {}

impl Dataset {
    /// A dataset from points; fails on the first point with a NaN or infinite coordinate.
    pub fn new(labels: Labels, points: Vec<Point>) -> Result<Self, NonFinitePoint> {
        if let Some(index) = points.iter().position(|p| !p.is_finite()) {
            return Err(NonFinitePoint { index });
        }
        Ok(Self { labels, points })
    }

    /// A dataset from `(x, y)` pairs with the default labels.
    pub fn from_pairs(pairs: &[(f64, f64)]) -> Result<Self, NonFinitePoint> {
        Self::new(
            Labels::default(),
            pairs.iter().map(|&(x, y)| Point::new(x, y)).collect(),
        )
    }

    /// Appends a point if it is finite.
    pub fn push(&mut self, point: Point) -> Result<(), NonFinitePoint> {
        if !point.is_finite() {
            return Err(NonFinitePoint {
                index: self.points.len(),
            });
        }
        self.points.push(point);
        Ok(())
    }

    /// The points, in table order.
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// The column labels.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Replaces the column labels; the points are untouched.
    pub fn set_labels(&mut self, labels: Labels) {
        self.labels = labels;
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there is no point.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The smallest and largest x, or `None` for an empty dataset.
    pub fn x_range(&self) -> Option<(f64, f64)> {
        min_max(self.points.iter().map(|p| p.x))
    }

    /// The smallest and largest y, or `None` for an empty dataset.
    pub fn y_range(&self) -> Option<(f64, f64)> {
        min_max(self.points.iter().map(|p| p.y))
    }

    /// The sums the linear models' closed forms need: n, Σx, Σy, Σx², Σxy.
    pub fn sums(&self) -> Sums {
        let mut s = Sums::default();
        for p in &self.points {
            s.n += 1.0;
            s.x += p.x;
            s.y += p.y;
            s.xx += p.x * p.x;
            s.xy += p.x * p.y;
        }
        s
    }
}

/// Sums over a dataset (see [`Dataset::sums`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sums {
    /// Number of points n.
    pub n: f64,
    /// Σx.
    pub x: f64,
    /// Σy.
    pub y: f64,
    /// Σx².
    pub xx: f64,
    /// Σxy.
    pub xy: f64,
}

fn min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_finite_points_are_refused() {
        assert_eq!(
            Dataset::from_pairs(&[(1.0, 2.0), (f64::NAN, 1.0)]),
            Err(NonFinitePoint { index: 1 })
        );
        let mut d = Dataset::default();
        assert!(d.push(Point::new(1.0, f64::INFINITY)).is_err());
        assert!(d.is_empty());
    }

    #[test]
    fn sums_of_the_lecture_table() {
        let d = Dataset::from_pairs(&[(2.0, 19.6), (4.5, 44.1), (10.0, 98.0)]).unwrap();
        let s = d.sums();
        assert!((s.xx - 124.25).abs() < 1e-12);
        assert!((s.xy - 1217.65).abs() < 1e-9);
        assert_eq!(d.x_range(), Some((2.0, 10.0)));
    }
}
