//! Contour lines by marching squares: the isolines of a grid of values at one level,
//! joined into polylines.
//!
//! Written by hand rather than taken from the `contour` crate: BENCHMARKS.md has the
//! measurement (section "Loss surface") that decided it. Each grid cell (the square
//! between four neighbouring nodes) is classified by which corners lie above the level;
//! a line crosses each cell edge whose ends lie on either side, at the linearly
//! interpolated point; the two saddle cases are told apart by the mean of the four
//! corners. Segments meet on shared edges, so joining them needs only the edge's index.
//! A node that is `+∞` (a loss too large to represent) counts as above every level, and
//! a line next to it passes through the finite neighbour.

/// One contour level's lines: each polyline is a list of points `(u, v)` in the grid's
/// own coordinates (see [`isolines`]); a closed line ends where it began.
pub type Polyline = Vec<(f64, f64)>;

/// The isolines at `level` of the grid `values` (row-major, `columns` nodes a row, `rows`
/// rows), as polylines. A point is `(origin.0 + u·step.0, origin.1 + v·step.1)` for grid
/// position (u, v): node (i, j) sits at u = i, v = j. Empty when the grid is smaller than
/// 2×2 or `values` is short.
pub fn isolines(
    values: &[f64],
    columns: usize,
    rows: usize,
    level: f64,
    origin: (f64, f64),
    step: (f64, f64),
) -> Vec<Polyline> {
    isolines_at_levels(values, columns, rows, &[level], origin, step)
        .pop()
        .unwrap_or_default()
}

/// The isolines at each of `levels` (as [`isolines`], one list per level, in the order
/// given), in one pass over the grid: each cell is visited once, and only the levels
/// between its lowest and highest corner are traced through it.
pub fn isolines_at_levels(
    values: &[f64],
    columns: usize,
    rows: usize,
    levels: &[f64],
    origin: (f64, f64),
    step: (f64, f64),
) -> Vec<Vec<Polyline>> {
    if columns < 2 || rows < 2 || values.len() < columns * rows {
        return vec![Vec::new(); levels.len()];
    }
    // The levels sorted, with their places in `levels`.
    let mut sorted: Vec<(f64, usize)> = levels
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_nan())
        .map(|(k, &l)| (l, k))
        .collect();
    sorted.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut segments: Vec<Vec<[Crossing; 2]>> = vec![Vec::new(); levels.len()];
    let vertical_base = rows * (columns - 1);
    let grid = values.get(..columns * rows).unwrap_or(&[]);
    // A NaN node (where a typed formula is not defined) counts as +∞ in a cell's corners.
    let value = |v: f64| if v.is_nan() { f64::INFINITY } else { v };
    // Each node's band: how many of the sorted levels lie below its value, so that the
    // node is above the k-th sorted level exactly when k < band. Found once a node, by a
    // walk from the previous node's band (neighbours differ by a band or two at most on a
    // smooth map), rather than a search of the levels in each of the four cells around it.
    let mut bands: Vec<u32> = Vec::with_capacity(grid.len());
    let top = u32::try_from(sorted.len()).unwrap_or(u32::MAX);
    let mut band: u32 = 0;
    for &v in grid {
        let v = value(v);
        let below = |b: u32| sorted.get(b as usize).is_some_and(|&(l, _)| l < v);
        while band > 0 && !below(band - 1) {
            band -= 1;
        }
        while band < top && below(band) {
            band += 1;
        }
        bands.push(band);
    }
    let any_undefined = grid.iter().any(|v| v.is_nan());
    let (band_rows, value_rows) = (bands.chunks_exact(columns), grid.chunks_exact(columns));
    for (j, ((below, above), (low, high))) in band_rows
        .clone()
        .zip(band_rows.skip(1))
        .zip(value_rows.clone().zip(value_rows.skip(1)))
        .enumerate()
    {
        let cells = below
            .windows(2)
            .zip(above.windows(2))
            .zip(low.windows(2).zip(high.windows(2)));
        for (i, ((b0, b1), (v0, v1))) in cells.enumerate() {
            let (bl, br, tl, tr) = (b0[0], b0[1], b1[0], b1[1]);
            // The levels that cross the cell are those some corner is above and some is
            // not: bands from the lowest corner's up to the highest's. Most cells have none.
            let (first, last) = (bl.min(br).min(tl.min(tr)), bl.max(br).max(tl.max(tr)));
            if first == last {
                continue;
            }
            let corners = [v0[0], v0[1], v1[1], v1[0]];
            // Where a typed formula is not defined (NaN) the map is hatched: no level
            // runs along its edge as it would along a too-large (+∞) one.
            if any_undefined && corners.iter().any(|v| v.is_nan()) {
                continue;
            }
            let crossing = sorted.get(first as usize..last as usize).unwrap_or(&[]);
            for &(level, k) in crossing {
                if let Some(out) = segments.get_mut(k) {
                    cell(out, level, corners.map(value), i, j, columns, vertical_base);
                }
            }
        }
    }
    segments.iter().map(|s| join(s, origin, step)).collect()
}

/// The segments of `level` through cell (i, j) with corners `[bl, br, tr, tl]`.
fn cell(
    out: &mut Vec<[Crossing; 2]>,
    level: f64,
    [bl, br, tr, tl]: [f64; 4],
    i: usize,
    j: usize,
    columns: usize,
    vertical_base: usize,
) {
    let above = |v: f64| v > level;
    let case = usize::from(above(bl))
        | usize::from(above(br)) << 1
        | usize::from(above(tr)) << 2
        | usize::from(above(tl)) << 3;
    if case == 0 || case == 15 {
        return;
    }
    let fraction = |from: f64, to: f64| {
        let t = (level - from) / (to - from);
        if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let (x, y) = (i as f64, j as f64);
    let edge = |side: Side| -> Crossing {
        match side {
            Side::Bottom => (j * (columns - 1) + i, (x + fraction(bl, br), y)),
            Side::Top => ((j + 1) * (columns - 1) + i, (x + fraction(tl, tr), y + 1.0)),
            Side::Left => (vertical_base + j * columns + i, (x, y + fraction(bl, tl))),
            Side::Right => (
                vertical_base + j * columns + i + 1,
                (x + 1.0, y + fraction(br, tr)),
            ),
        }
    };
    let centre_above = (bl + br + tr + tl) / 4.0 > level;
    use Side::{Bottom, Left, Right, Top};
    let pairs: &[(Side, Side)] = match case {
        1 | 14 => &[(Left, Bottom)],
        2 | 13 => &[(Bottom, Right)],
        3 | 12 => &[(Left, Right)],
        4 | 11 => &[(Right, Top)],
        6 | 9 => &[(Bottom, Top)],
        7 | 8 => &[(Left, Top)],
        5 if centre_above => &[(Left, Top), (Bottom, Right)],
        5 => &[(Left, Bottom), (Right, Top)],
        10 if centre_above => &[(Left, Bottom), (Right, Top)],
        _ => &[(Bottom, Right), (Left, Top)],
    };
    for &(p, q) in pairs {
        out.push([edge(p), edge(q)]);
    }
}

/// A cell's side.
#[derive(Clone, Copy)]
enum Side {
    Bottom,
    Right,
    Top,
    Left,
}

/// Where a line crosses a grid edge: the edge's id and the point in grid units.
type Crossing = (usize, (f64, f64));

/// Joins segments that share an edge into polylines, in grid units mapped by `origin`
/// and `step`.
fn join(segments: &[[Crossing; 2]], origin: (f64, f64), step: (f64, f64)) -> Vec<Polyline> {
    // Each edge is crossed once, so at most two segments (one per neighbouring cell)
    // meet there: sorted by edge, they sit side by side.
    let mut ends: Vec<(usize, usize)> = segments
        .iter()
        .enumerate()
        .flat_map(|(s, [p, q])| [(p.0, s), (q.0, s)])
        .collect();
    ends.sort_unstable();
    let mut used = vec![false; segments.len()];
    // The unused segment other than none at `edge`, and its crossing at the other end.
    let next = |edge: usize, used: &[bool]| -> Option<(usize, Crossing)> {
        let from = ends.partition_point(|&(e, _)| e < edge);
        let s = ends
            .get(from..)?
            .iter()
            .take_while(|&&(e, _)| e == edge)
            .map(|&(_, s)| s)
            .find(|&s| !used.get(s).copied().unwrap_or(true))?;
        let [p, q] = segments.get(s).copied()?;
        Some((s, if p.0 == edge { q } else { p }))
    };
    let place = |(_, (u, v)): Crossing| (origin.0 + u * step.0, origin.1 + v * step.1);
    let mut lines = Vec::new();
    for (first, &[p, q]) in segments.iter().enumerate() {
        if used.get(first).copied().unwrap_or(true) {
            continue;
        }
        if let Some(u) = used.get_mut(first) {
            *u = true;
        }
        let mut forward = vec![p, q];
        let mut end = q.0;
        while let Some((s, other)) = next(end, &used) {
            if let Some(u) = used.get_mut(s) {
                *u = true;
            }
            forward.push(other);
            end = other.0;
        }
        let mut backward = Vec::new();
        let mut end = p.0;
        while let Some((s, other)) = next(end, &used) {
            if let Some(u) = used.get_mut(s) {
                *u = true;
            }
            backward.push(other);
            end = other.0;
        }
        backward.reverse();
        backward.extend(forward);
        lines.push(backward.into_iter().map(place).collect());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cone v = distance from the centre of a 21×21 grid: each level's isoline is one
    /// closed ring of that radius.
    #[test]
    fn a_cone_has_one_closed_ring_per_level() {
        let n = 21;
        let values: Vec<f64> = (0..n * n)
            .map(|k| {
                let (i, j) = ((k % n) as f64 - 10.0, (k / n) as f64 - 10.0);
                (i * i + j * j).sqrt()
            })
            .collect();
        for level in [2.5, 5.5, 8.5] {
            let lines = isolines(&values, n, n, level, (-10.0, -10.0), (1.0, 1.0));
            assert_eq!(lines.len(), 1, "level {level}");
            let ring = &lines[0];
            assert_eq!(ring.first(), ring.last(), "closed");
            for &(x, y) in ring {
                let r = (x * x + y * y).sqrt();
                assert!((r - level).abs() < 0.1, "radius {r} at level {level}");
            }
        }
    }

    /// A plane v = u crossed at 3.25 gives one straight open line u = 3.25 from the
    /// bottom row to the top row.
    #[test]
    fn a_plane_gives_one_straight_open_line() {
        let (columns, rows) = (6, 4);
        let values: Vec<f64> = (0..columns * rows).map(|k| (k % columns) as f64).collect();
        let lines = isolines(&values, columns, rows, 3.25, (0.0, 0.0), (1.0, 1.0));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), rows);
        assert!(lines[0].iter().all(|&(u, _)| (u - 3.25).abs() < 1e-12));
        assert_ne!(lines[0].first(), lines[0].last());
    }

    /// All levels in one pass give each level's lines, in the order the levels were
    /// given (here unsorted, with a NaN that gets none).
    #[test]
    fn one_pass_over_many_levels_is_each_level_alone() {
        let n = 30;
        let values: Vec<f64> = (0..n * n)
            .map(|k| {
                let (i, j) = ((k % n) as f64 - 14.5, (k / n) as f64 - 12.0);
                0.3 * i * i + 2.0 * j * j + i * j
            })
            .collect();
        let levels = [40.0, 3.0, f64::NAN, 150.0, 3.0];
        let all = isolines_at_levels(&values, n, n, &levels, (1.0, -2.0), (0.5, 0.25));
        assert_eq!(all.len(), 5);
        assert!(all[2].is_empty());
        for (k, &level) in levels.iter().enumerate().filter(|(_, l)| !l.is_nan()) {
            assert!(!all[k].is_empty());
            assert_eq!(
                all[k],
                isolines(&values, n, n, level, (1.0, -2.0), (0.5, 0.25))
            );
        }
    }

    #[test]
    fn too_small_grids_and_infinite_nodes_give_no_panic() {
        assert!(isolines(&[1.0], 1, 1, 0.5, (0.0, 0.0), (1.0, 1.0)).is_empty());
        let values = [1.0, f64::INFINITY, 1.0, f64::INFINITY];
        let lines = isolines(&values, 2, 2, 2.0, (0.0, 0.0), (1.0, 1.0));
        assert_eq!(lines, vec![vec![(0.0, 0.0), (0.0, 1.0)]]);
    }
}
