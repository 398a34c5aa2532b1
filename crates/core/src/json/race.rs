//! The `race` object of lesson format version 2, on the same hand-written reader:
//!
//! `{"racers":[{"id":"gd","learning_rate":0.003,"beta":0.9,"alpha":0.99,"beta1":0.9,
//! "beta2":0.999,"epsilon":1e-8},…],"schedule":{"kind":"constant"},"batch_size":null,
//! "seed":1,"view":null}`; a schedule adds its numbers (`every` and `factor` for
//! `step`, `factor` for `exponential`, `rate` for `inverse-time`), a batch size is a whole
//! number, a view is `{"a":[lo,hi],"b":[lo,hi]}`. Every racer field is written, so a
//! lesson reopens with the very settings it had.

use super::{once, required, write_number, write_string, Reader};
use crate::lesson::RaceSetup;
use crate::race::{Batching, Schedule, Settings};
use crate::surface::View;
use std::fmt::Write as _;

/// The race as JSON.
pub(super) fn write(out: &mut String, race: &RaceSetup) {
    out.push_str("{\"racers\":[");
    for (i, s) in race.racers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        write_string(out, s.id);
        for (key, value) in [
            ("learning_rate", s.learning_rate),
            ("beta", s.beta),
            ("alpha", s.alpha),
            ("beta1", s.beta1),
            ("beta2", s.beta2),
            ("epsilon", s.epsilon),
        ] {
            let _ = write!(out, ",\"{key}\":");
            write_number(out, value);
        }
        out.push('}');
    }
    out.push_str("],\"schedule\":{\"kind\":");
    write_string(out, race.schedule.id());
    match race.schedule {
        Schedule::Constant => {}
        Schedule::StepDecay { every, factor } => {
            let _ = write!(out, ",\"every\":{every},\"factor\":");
            write_number(out, factor);
        }
        Schedule::Exponential { factor } => {
            out.push_str(",\"factor\":");
            write_number(out, factor);
        }
        Schedule::InverseTime { rate } => {
            out.push_str(",\"rate\":");
            write_number(out, rate);
        }
    }
    out.push_str("},\"batch_size\":");
    match race.batching.size {
        Some(k) => {
            let _ = write!(out, "{k}");
        }
        None => out.push_str("null"),
    }
    let _ = write!(out, ",\"seed\":{},\"view\":", race.batching.seed);
    match race.view {
        Some(View { a, b }) => {
            out.push_str("{\"a\":[");
            write_number(out, a.0);
            out.push(',');
            write_number(out, a.1);
            out.push_str("],\"b\":[");
            write_number(out, b.0);
            out.push(',');
            write_number(out, b.1);
            out.push_str("]}");
        }
        None => out.push_str("null"),
    }
    out.push('}');
}

impl Reader<'_> {
    /// The `race` object (at depth 1).
    pub(super) fn race(&mut self) -> Result<RaceSetup, String> {
        let mut racers = None;
        let mut schedule = None;
        let mut batch_size = None;
        let mut seed = None;
        let mut view = None;
        self.object(1, &mut |r, key| match key.as_str() {
            "racers" => {
                let value = r.list(2, |r| r.racer());
                once(&mut racers, "racers", value)
            }
            "schedule" => {
                let value = r.schedule();
                once(&mut schedule, "schedule", value)
            }
            "batch_size" => {
                let value = r.optional(|r| {
                    r.whole().and_then(|k| {
                        usize::try_from(k).map_err(|_| r.error("batch size out of range"))
                    })
                });
                once(&mut batch_size, "batch_size", value)
            }
            "seed" => {
                let value = r.whole();
                once(&mut seed, "seed", value)
            }
            "view" => {
                let value = r.optional(|r| r.view());
                once(&mut view, "view", value)
            }
            _ => r.skip(2),
        })?;
        Ok(RaceSetup {
            racers: required(racers, "racers")?,
            schedule: required(schedule, "schedule")?,
            batching: Batching {
                size: required(batch_size, "batch_size")?,
                seed: required(seed, "seed")?,
            },
            view: required(view, "view")?,
        })
    }

    /// `null`, or a value read by `read`.
    fn optional<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<Option<T>, String> {
        self.skip_whitespace();
        if self.peek() == Some(b'n') {
            self.literal("null").map(|()| None)
        } else {
            read(self).map(Some)
        }
    }

    /// A whole number in u64's range.
    fn whole(&mut self) -> Result<u64, String> {
        self.skip_whitespace();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.error("invalid type: expected u64"));
        }
        let text = self.number_text()?;
        text.parse::<u64>()
            .map_err(|_| self.error("invalid value: expected u64"))
    }

    /// One racer: an optimizer's id and every hyperparameter.
    fn racer(&mut self) -> Result<Settings, String> {
        let mut id = None;
        let mut numbers: [Option<f64>; 6] = [None; 6];
        const KEYS: [&str; 6] = [
            "learning_rate",
            "beta",
            "alpha",
            "beta1",
            "beta2",
            "epsilon",
        ];
        self.object(3, &mut |r, key| {
            if key == "id" {
                let at = r.pos;
                let text = r.string()?;
                let known = Settings::defaults(&text).ok_or_else(|| {
                    r.pos = at;
                    r.error(&format!("unknown optimizer `{text}`"))
                });
                return once(&mut id, "id", known);
            }
            match KEYS.iter().position(|k| *k == key) {
                Some(i) => {
                    let value = r.number();
                    match numbers.get_mut(i) {
                        Some(slot) => once(slot, KEYS.get(i).copied().unwrap_or("?"), value),
                        None => Ok(()),
                    }
                }
                None => r.skip(4),
            }
        })?;
        let mut settings = required(id, "id")?;
        let [learning_rate, beta, alpha, beta1, beta2, epsilon] = numbers;
        settings.learning_rate = required(learning_rate, "learning_rate")?;
        settings.beta = required(beta, "beta")?;
        settings.alpha = required(alpha, "alpha")?;
        settings.beta1 = required(beta1, "beta1")?;
        settings.beta2 = required(beta2, "beta2")?;
        settings.epsilon = required(epsilon, "epsilon")?;
        Ok(settings)
    }

    /// The schedule: its kind and that kind's numbers.
    fn schedule(&mut self) -> Result<Schedule, String> {
        let mut kind = None;
        let mut every = None;
        let mut factor = None;
        let mut rate = None;
        self.object(2, &mut |r, key| match key.as_str() {
            "kind" => {
                let value = r.name(&["constant", "step", "exponential", "inverse-time"]);
                once(&mut kind, "kind", value)
            }
            "every" => {
                let value = r.whole().and_then(|v| {
                    u32::try_from(v).map_err(|_| r.error("invalid value: expected u32"))
                });
                once(&mut every, "every", value)
            }
            "factor" => {
                let value = r.number();
                once(&mut factor, "factor", value)
            }
            "rate" => {
                let value = r.number();
                once(&mut rate, "rate", value)
            }
            _ => r.skip(3),
        })?;
        Ok(match required(kind, "kind")? {
            0 => Schedule::Constant,
            1 => Schedule::StepDecay {
                every: required(every, "every")?,
                factor: required(factor, "factor")?,
            },
            2 => Schedule::Exponential {
                factor: required(factor, "factor")?,
            },
            _ => Schedule::InverseTime {
                rate: required(rate, "rate")?,
            },
        })
    }

    /// The view: `a` and `b`, each two numbers.
    fn view(&mut self) -> Result<View, String> {
        let mut a = None;
        let mut b = None;
        let pair = |r: &mut Self| -> Result<(f64, f64), String> {
            let values = r.list(3, Reader::number)?;
            match values.as_slice() {
                [lo, hi] => Ok((*lo, *hi)),
                _ => Err(r.error("invalid length, expected an array of length 2")),
            }
        };
        self.object(2, &mut |r, key| match key.as_str() {
            "a" => {
                let value = pair(r);
                once(&mut a, "a", value)
            }
            "b" => {
                let value = pair(r);
                once(&mut b, "b", value)
            }
            _ => r.skip(3),
        })?;
        // Not through `View::new`, which would quietly repair a bad range: the lesson's
        // validation refuses it instead.
        Ok(View {
            a: required(a, "a")?,
            b: required(b, "b")?,
        })
    }
}
