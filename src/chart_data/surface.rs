//! The loss map's adapters (issue 10, and issue 11's progressive map): the words it
//! writes, the grid's size for the data's size, whether a map is worth computing over
//! several frames and its coarse size, the cached base from the map's key, and the
//! moving marks.

use super::series_index;
use crate::charts::colormap::SurfaceGrid;
use crate::charts::{BatchArrow, ContourLevel, SurfaceChart, SurfacePath};
use descent_core::session::MapSurface;
use descent_core::{MapKey, Session};

/// The words the surface chart writes.
#[derive(Clone, Copy, Debug)]
pub struct SurfaceWords<'a> {
    /// Beside the minimum.
    pub minimum: &'a str,
    /// The legend's entry for cells whose loss overflows.
    pub too_large: &'a str,
    /// The legend's entry for the hatched cells where a typed formula is not defined.
    pub undefined: &'a str,
    /// On a map without one finite cell.
    pub empty: &'a str,
}

/// The number of grid cells the surface computes at most: 200 × 200 for few points, fewer
/// for many, since a model that is not linear in its parameters costs one pass over the
/// data per cell.
const SURFACE_WORK: usize = 2_000_000;

/// The side of the surface's square grid for `points` data points: 200 for up to 50 points,
/// down to 40 at 1 250 and more.
pub fn surface_side(points: usize) -> usize {
    let side = (SURFACE_WORK as f64 / points.max(1) as f64).sqrt();
    (side as usize).clamp(40, 200)
}

/// Point evaluations above which a map is computed in several frames: a coarse map first
/// ([`surface_coarse_side`]), then the full one a few rows a frame (about 10 ms natively
/// for a short formula; the lecture's maps, from the data's sums or over a few points,
/// stay under it and are computed at once).
const PROGRESSIVE_WORK: usize = 500_000;

/// Whether the map of `key` at `side` × `side` is worth computing in several frames.
pub fn surface_is_progressive(key: &MapKey, side: usize) -> bool {
    key.work(side, side) > PROGRESSIVE_WORK
}

/// The side of the coarse map shown first when the full one of side `side` is computed
/// in several frames: a quarter, at least 10 cells.
pub fn surface_coarse_side(side: usize) -> usize {
    (side / 4).max(10)
}

/// What the surface chart shows for a model with two or more parameters (over the first
/// two, the others as they are): L(a, b) on the session's map view with its contours and
/// minimum, the current point and its gradient, the last step, and the path of each
/// optimizer in the race, or of the descent taken so far when there is no race. `None` for
/// a model with one parameter. The app builds it in two parts, [`surface_base_chart`]
/// (only when the [`MapKey`] changes) and [`with_surface_marks`] (on every move).
pub fn surface_chart(session: &Session, words: SurfaceWords<'_>) -> Option<SurfaceChart> {
    let base = surface_base_chart(&session.map_key()?, words);
    Some(with_surface_marks(session, &base))
}

/// The surface chart's expensive part from the map's key alone: the grid, its contours,
/// the minimum and the words; no current point, gradient or path. It depends on the data,
/// the model, the frozen parameters and the view, never on (a, b), so the app recomputes
/// it only when the key changes.
pub fn surface_base_chart(key: &MapKey, words: SurfaceWords<'_>) -> SurfaceChart {
    let side = surface_side(key.point_count());
    match key.surface(side, side) {
        Some(map) => surface_chart_of(key, map, words),
        None => SurfaceChart::default(),
    }
}

/// [`surface_base_chart`] from a map already computed for `key` (at any size: the coarse
/// map drawn first, or the full one computed over several frames). The map's grid and
/// lines move into the chart: a data point dragged makes a new map at every move, and
/// copying its 40 000 values and contour points cost a fresh allocation each time.
pub fn surface_chart_of(key: &MapKey, map: MapSurface, words: SurfaceWords<'_>) -> SurfaceChart {
    let minimum = map.minimum.map(|m| (m.a, m.b));
    let surface = map.surface;
    let (columns, rows) = (surface.columns(), surface.rows());
    let a_range = (surface.a_at(0), surface.a_at(columns.saturating_sub(1)));
    let b_range = (surface.b_at(0), surface.b_at(rows.saturating_sub(1)));
    let grid = SurfaceGrid {
        a_range,
        b_range,
        columns,
        rows,
        values: surface.into_values().into(),
    };
    let contours = map
        .contours
        .into_iter()
        .map(|c| ContourLevel {
            level: c.level,
            lines: c.lines,
        })
        .collect();
    let names = key.param_names();
    let name = |i: usize, or: &str| names.get(i).copied().unwrap_or(or).to_owned();
    SurfaceChart {
        grid,
        contours,
        minimum,
        minimum_label: words.minimum.to_owned(),
        a_name: name(0, "a"),
        b_name: name(1, "b"),
        too_large_label: words.too_large.to_owned(),
        undefined_label: words.undefined.to_owned(),
        empty_message: words.empty.to_owned(),
        ..SurfaceChart::default()
    }
}

/// `base` with the session's moving marks: the current point and its gradient, the last
/// step, and the paths (cheap: no grid is computed).
pub fn with_surface_marks(session: &Session, base: &SurfaceChart) -> SurfaceChart {
    let ab = |p: &[f64]| -> Option<(f64, f64)> { Some((*p.first()?, *p.get(1)?)) };
    let history = session.history();
    let last_step = history
        .last()
        .and_then(|s| Some((ab(&s.before)?, ab(&s.after)?)));
    let ids: Vec<&str> = Session::optimizer_ids().collect();
    // The race's paths once it has stepped; before that (and while the app's Step drives
    // the one descent) the path of the descent taken so far.
    let raced = session.race_rows().iter().any(|row| row.step > 0);
    let mut paths: Vec<SurfacePath> = session
        .race_paths()
        .into_iter()
        .map(|(id, points)| SurfacePath {
            series: ids.iter().position(|known| *known == id).unwrap_or(0),
            points,
        })
        .filter(|_| raced)
        .collect();
    if paths.is_empty() && !history.is_empty() {
        let mut points: Vec<(f64, f64)> = history.iter().filter_map(|s| ab(&s.before)).collect();
        points.extend(ab(session.params()));
        paths.push(SurfacePath { series: 0, points });
    }
    let gradient = session
        .has_data()
        .then(|| ab(&session.evaluation().gradient))
        .flatten();
    SurfaceChart {
        current: ab(session.params()),
        gradient,
        last_step,
        paths,
        batch_arrows: session
            .race_batch_arrows()
            .into_iter()
            .map(|arrows| BatchArrow {
                series: series_index(arrows.id),
                at: arrows.at,
                full: arrows.full,
                batch: arrows.batch,
            })
            .collect(),
        ..base.clone()
    }
}
