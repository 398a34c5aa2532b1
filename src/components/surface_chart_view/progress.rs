//! The map's expensive base without a long task. A map computed point by point over many
//! data points (a typed formula over 1 000 points: 44 × 44 cells, each a pass over the
//! data) would hold the page for tens of milliseconds, longer in wasm. So when the map's
//! key changes and the map is that expensive
//! ([`surface_is_progressive`]), the next frame draws a coarse map (a quarter of the side),
//! tasks after it compute the full map's rows for at most [`FRAME_BUDGET_MS`] each, and
//! one more task adds its contours and minimum and shows it. A newer key drops the
//! work in progress. Cheaper maps are computed at once, as before.

use crate::chart_data::{
    surface_base_chart, surface_chart_of, surface_coarse_side, surface_is_progressive,
    surface_side, SurfaceWords,
};
use crate::charts::SurfaceChart;
use crate::components::in_own_task;
use crate::i18n::strings;
use crate::state::LessonState;
use descent_core::{MapKey, MapProgress};
use leptos::prelude::*;

/// How long one task may spend on the full map's rows, in milliseconds: a frame of a
/// 60 Hz screen is 16.7, and the page answers input between the tasks.
const FRAME_BUDGET_MS: f64 = 8.0;

/// What the frames and tasks that refine the map share.
#[derive(Clone, Copy)]
struct Refiner {
    state: LessonState,
    base: RwSignal<Option<SurfaceChart>>,
    /// Bumped on every new key: a frame or task of an older key does nothing.
    generation: StoredValue<u64>,
    progress: StoredValue<Option<MapProgress>>,
}

impl Refiner {
    fn words(&self) -> Option<SurfaceWords<'static>> {
        let t = strings(self.state.lang.try_get_untracked()?);
        Some(SurfaceWords {
            minimum: t.surface_minimum,
            too_large: t.surface_too_large,
            undefined: t.surface_undefined,
            empty: t.chart_loss_empty,
        })
    }

    fn current(&self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// The coarse map of `key`, then the full one over the frames after.
    fn start(self, key: MapKey, side: usize, generation: u64) {
        request_animation_frame(move || {
            let Some(words) = self.words().filter(|_| self.current(generation)) else {
                return;
            };
            let coarse = surface_coarse_side(side);
            let chart = key
                .coarse_surface((coarse, coarse), (side, side))
                .map(|map| surface_chart_of(&key, map, words));
            self.base.try_set(chart);
            self.progress.try_set_value(key.begin_surface(side, side));
            self.rows(generation);
        });
    }

    /// Rows of the full map for one budget; then its contours in a task of their own.
    /// Each is a task of its own (a zero timeout), not part of a frame's animation
    /// callbacks: a frame that also redraws the charts (the map's panel appearing resizes
    /// them all) would otherwise carry both.
    fn rows(self, generation: u64) {
        in_own_task(move || {
            if !self.current(generation) {
                return;
            }
            let start = now();
            let done = self
                .progress
                .try_update_value(|p| match p {
                    Some(p) => loop {
                        if p.advance(1) {
                            break true;
                        }
                        if now() - start > FRAME_BUDGET_MS {
                            break false;
                        }
                    },
                    None => false,
                })
                .unwrap_or(false);
            if done {
                self.finish(generation);
            } else if self.progress.try_with_value(Option::is_some) == Some(true) {
                self.rows(generation);
            }
        });
    }

    fn finish(self, generation: u64) {
        in_own_task(move || {
            let Some(words) = self.words().filter(|_| self.current(generation)) else {
                return;
            };
            let Some(Some(progress)) = self.progress.try_update_value(Option::take) else {
                return;
            };
            let key = progress.key().clone();
            let map = progress.finish();
            self.base.try_set(Some(surface_chart_of(&key, map, words)));
        });
    }
}

/// Milliseconds from a fixed origin (`Date.now()`: whole milliseconds, enough for a
/// budget of several).
fn now() -> f64 {
    js_sys::Date::now()
}

/// The map's base chart for the key, kept up to date: at once for a cheap map, coarse
/// then full over several frames for an expensive one (see the module docs). `None`
/// while there is no key (a model with one parameter).
pub(super) fn use_map_base(
    state: LessonState,
    key: Memo<Option<MapKey>>,
) -> RwSignal<Option<SurfaceChart>> {
    let refiner = Refiner {
        state,
        base: RwSignal::new(None),
        generation: StoredValue::new(0),
        progress: StoredValue::new(None),
    };
    Effect::new(move |_| {
        let t = state.t();
        let words = SurfaceWords {
            minimum: t.surface_minimum,
            too_large: t.surface_too_large,
            undefined: t.surface_undefined,
            empty: t.chart_loss_empty,
        };
        let generation = refiner.generation.get_value().wrapping_add(1);
        refiner.generation.set_value(generation);
        refiner.progress.set_value(None);
        key.with(|k| match k {
            None => refiner.base.set(None),
            Some(k) => {
                let side = surface_side(k.point_count());
                if surface_is_progressive(k, side) {
                    refiner.start(k.clone(), side, generation);
                } else {
                    #[cfg(target_arch = "wasm32")]
                    let chart = crate::charts::canvas::timed(
                        "surface-compute",
                        "surface-compute-start",
                        || surface_base_chart(k, words),
                    );
                    #[cfg(not(target_arch = "wasm32"))]
                    let chart = surface_base_chart(k, words);
                    refiner.base.set(Some(chart));
                }
            }
        });
    });
    refiner.base
}
