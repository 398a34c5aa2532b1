//! Two tabs, one saved work: a three-way merge of lessons, so that no tab overwrites a
//! change it has not seen.
//!
//! Each tab remembers the lesson it last saw in storage (the *base*). When storage holds
//! something else (another tab saved), the tab's own lesson (*mine*) and the stored one
//! (*theirs*) are merged: for each part, whichever side changed it since the base wins,
//! and a part only *mine* changed is kept. The parts are the table's cells (one by one
//! while both tables have the same rows), its two column names, the loss, γ, and the
//! parameters (model, frozen, where the run started and stands: one part, since they
//! only make sense together). When both sides changed the same part, mine wins: it is
//! the newer, the change the student is looking at.

use descent_core::Lesson;

/// Which side's parameters (and so which run) the merge kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunFrom {
    /// This tab's.
    Mine,
    /// The other tab's.
    Theirs,
}

/// Whichever of `mine` and `theirs` changed since `base` (mine when both did).
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> T {
    if mine != base {
        mine.clone()
    } else {
        theirs.clone()
    }
}

/// The three-way merge (see the module docs), and whose run it keeps.
pub fn merge(base: &Lesson, mine: &Lesson, theirs: &Lesson) -> (Lesson, RunFrom) {
    let mut merged = theirs.clone();
    let (b, m, t) = (&base.table, &mine.table, &theirs.table);
    merged.table.labels.x = pick(&b.labels.x, &m.labels.x, &t.labels.x);
    merged.table.labels.y = pick(&b.labels.y, &m.labels.y, &t.labels.y);
    if b.rows.len() == m.rows.len() && b.rows.len() == t.rows.len() {
        for ((row, mine_row), base_row) in merged.table.rows.iter_mut().zip(&m.rows).zip(&b.rows) {
            for column in 0..2 {
                if mine_row[column] != base_row[column] {
                    row[column].clone_from(&mine_row[column]);
                }
            }
        }
    } else {
        merged.table.rows = pick(&b.rows, &m.rows, &t.rows);
    }
    merged.loss = pick(&base.loss, &mine.loss, &theirs.loss);
    merged.learning_rate = pick(
        &base.learning_rate,
        &mine.learning_rate,
        &theirs.learning_rate,
    );
    let parameters = |l: &Lesson| {
        (
            l.model.clone(),
            l.frozen.clone(),
            l.params.clone(),
            l.start.clone(),
        )
    };
    let run_from = if parameters(mine) != parameters(base) {
        merged.model = mine.model.clone();
        merged.frozen.clone_from(&mine.frozen);
        merged.params.clone_from(&mine.params);
        merged.start.clone_from(&mine.start);
        RunFrom::Mine
    } else {
        RunFrom::Theirs
    };
    (merged, run_from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use descent_core::presets::Preset;

    #[test]
    fn two_tabs_editing_different_cells_both_keep_their_change() {
        let base = Preset::Lecture.lesson();
        let mut tab_a = base.clone();
        tab_a.table.rows[0][1] = "111".into();
        let mut tab_b = base.clone();
        tab_b.table.rows[1][1] = "222".into();
        let (merged, _) = merge(&base, &tab_b, &tab_a);
        assert_eq!(merged.table.rows[0][1], "111");
        assert_eq!(merged.table.rows[1][1], "222");
        // The same from the other side.
        let (other, _) = merge(&base, &tab_a, &tab_b);
        assert_eq!(other, merged);
    }

    #[test]
    fn a_tab_that_changed_nothing_takes_the_other_tabs_lesson() {
        let base = Preset::Lecture.lesson();
        let theirs = Preset::Force.lesson();
        let (merged, run) = merge(&base, &base, &theirs);
        assert_eq!(merged, theirs);
        assert_eq!(run, RunFrom::Theirs);
    }

    #[test]
    fn steps_and_edits_from_two_tabs_meet() {
        let base = Preset::Lecture.lesson();
        let mut stepped = base.clone();
        stepped.params = vec![9.3419];
        let mut edited = base.clone();
        edited.table.rows[2][0] = "11".into();
        edited.learning_rate = 0.001;
        let (merged, run) = merge(&base, &stepped, &edited);
        assert_eq!(merged.params, vec![9.3419]);
        assert_eq!(merged.table.rows[2][0], "11");
        assert_eq!(merged.learning_rate, 0.001);
        assert_eq!(run, RunFrom::Mine);
    }

    #[test]
    fn rows_added_on_one_side_come_whole() {
        let base = Preset::Lecture.lesson();
        let mut added = base.clone();
        added.table.rows.push(["1".into(), "9.8".into()]);
        let mut renamed = base.clone();
        renamed.table.labels.x = "m".into();
        let (merged, _) = merge(&base, &renamed, &added);
        assert_eq!(merged.table.rows, added.table.rows);
        assert_eq!(merged.table.labels.x, "m");
    }
}
