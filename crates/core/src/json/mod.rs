//! The lesson's JSON, written and read by hand.
//!
//! Version 1 is the format `serde_json` wrote for [`Lesson`] (saved work and share links made
//! before keep opening): one object with `version`, `table` (`labels` {`x`, `y`}, `rows`
//! [[x, y], …] as strings), `model` and `loss` (kebab-case names), `frozen`, `params`,
//! `start` and `learning_rate`. Version 2 adds `race` (see [`race`]), required there and
//! skipped like any unknown key in version 1. Version 3 adds the model `formula`, whose
//! text is the field `formula` right after `model` (a formula that does not parse is an
//! error that quotes it and says why). Unknown keys are skipped, a key given twice or missing is an
//! error, and so is anything after the object. The reader is strict JSON (RFC 8259) and
//! nests at most [`MAX_DEPTH`] deep, so hostile text cannot exhaust the stack.
//!
//! Why not serde_json: in the browser build it was the largest dependency after the UI
//! framework — 72 KB of the 700 KB wasm (34 KB gzip) — for one fixed shape. Numbers are
//! written in Rust's shortest round-trip form and read with [`crate::decimal::parse_f64`]
//! (what `str::parse::<f64>` gives, to the bit, without its tables), which rounds
//! correctly, so every lesson comes back bit for bit
//! (`tests/json_codec.rs` checks both directions against serde_json).
//!
//! (Over 400 lines with a reason: one hand-written reader and writer of one format, kept
//! whole so the two stay in step; split, each half would need the other's grammar. The
//! race of version 2 is in `race`, on the same reader.)

mod race;

use crate::data::Labels;
use crate::lesson::{Lesson, LessonError};
use crate::loss::Loss;
use crate::model::Model;
use crate::table::Table;
use std::fmt::Write as _;

/// How many arrays and objects may nest in each other, the outermost included (serde_json's
/// limit: its recursion budget of 128 runs out on the 128th level).
pub const MAX_DEPTH: usize = 127;

/// The lesson as JSON with `version` first, in the order serde_json wrote the fields.
pub(crate) fn write_lesson(lesson: &Lesson, version: u32) -> String {
    let rows: usize = lesson
        .table
        .rows
        .iter()
        .map(|[x, y]| x.len() + y.len() + 8)
        .sum();
    let mut out = String::with_capacity(rows + 256);
    let _ = write!(
        out,
        "{{\"version\":{version},\"table\":{{\"labels\":{{\"x\":"
    );
    write_string(&mut out, &lesson.table.labels.x);
    out.push_str(",\"y\":");
    write_string(&mut out, &lesson.table.labels.y);
    out.push_str("},\"rows\":[");
    for (i, [x, y]) in lesson.table.rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_string(&mut out, x);
        out.push(',');
        write_string(&mut out, y);
        out.push(']');
    }
    out.push_str("]},\"model\":");
    write_string(&mut out, lesson.model.id());
    if let Some(formula) = lesson.model.as_formula() {
        out.push_str(",\"formula\":");
        write_string(&mut out, formula.source());
    }
    out.push_str(",\"loss\":");
    write_string(&mut out, loss_name(lesson.loss));
    out.push_str(",\"frozen\":[");
    for (i, frozen) in lesson.frozen.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(if *frozen { "true" } else { "false" });
    }
    out.push_str("],\"params\":");
    write_numbers(&mut out, &lesson.params);
    out.push_str(",\"start\":");
    write_numbers(&mut out, &lesson.start);
    out.push_str(",\"learning_rate\":");
    write_number(&mut out, lesson.learning_rate);
    if version >= 2 {
        out.push_str(",\"race\":");
        race::write(&mut out, &lesson.race);
    }
    out.push('}');
    out
}

/// A JSON string: quotes, backslashes and control characters escaped, the rest as is.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_numbers(out: &mut String, values: &[f64]) {
    out.push('[');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_number(out, *v);
    }
    out.push(']');
}

/// The shortest text that reads back as the same f64 (`8.0`, `0.003`, `1e-7`); `null` for
/// a non-finite value, as serde_json wrote (such a lesson does not validate anyway).
fn write_number(out: &mut String, value: f64) {
    if value.is_finite() {
        let _ = write!(out, "{value:?}");
    } else {
        out.push_str("null");
    }
}

fn loss_name(loss: Loss) -> &'static str {
    match loss {
        Loss::L2 => "l2",
        Loss::Mse => "mse",
        Loss::L1 => "l1",
    }
}

/// The `version` of a lesson's JSON: the text must be one well-formed JSON object with a
/// `version` that is a whole number in u32's range; its other fields are only skipped.
pub(crate) fn read_version(text: &str) -> Result<u32, String> {
    let mut reader = Reader::new(text);
    let mut version = None;
    reader.document(|r| {
        r.object(0, &mut |r, key| match key.as_str() {
            "version" => once(&mut version, "version", r.unsigned()),
            _ => r.skip(1),
        })
    })?;
    version.ok_or_else(|| "missing field `version`".to_owned())
}

/// The lesson in a JSON text of version `version_of_text` (read it first with
/// [`read_version`]): version 1 skips a `race` key, version 2 requires it; a formula that
/// cannot be used is [`LessonError::Formula`], anything else [`LessonError::Json`].
pub(crate) fn read_lesson(text: &str, version_of_text: u32) -> Result<Lesson, LessonError> {
    let (lesson, formula) = read_fields(text, version_of_text).map_err(LessonError::Json)?;
    match formula {
        Some(text) => {
            let model =
                Model::formula_text(&text).map_err(|error| LessonError::Formula { text, error })?;
            Ok(Lesson { model, ..lesson })
        }
        None => Ok(lesson),
    }
}

/// The lesson's fields, with the formula's text still to read when the model is one.
fn read_fields(text: &str, version_of_text: u32) -> Result<(Lesson, Option<String>), String> {
    let mut reader = Reader::new(text);
    let mut version = None;
    let mut table = None;
    let mut model = None;
    let mut formula = None;
    let mut loss = None;
    let mut frozen = None;
    let mut params = None;
    let mut start = None;
    let mut learning_rate = None;
    let mut race = None;
    reader.document(|r| {
        r.object(0, &mut |r, key| match key.as_str() {
            "version" => once(&mut version, "version", r.unsigned()),
            "table" => {
                let value = r.table();
                once(&mut table, "table", value)
            }
            "model" => {
                let value = r.model(version_of_text);
                once(&mut model, "model", value)
            }
            "formula" if version_of_text >= 3 => {
                let value = r.string();
                once(&mut formula, "formula", value)
            }
            "loss" => {
                let value = r
                    .name(&["l2", "mse", "l1"])
                    .map(|i| [Loss::L2, Loss::Mse, Loss::L1][i.min(2)]);
                once(&mut loss, "loss", value)
            }
            "frozen" => {
                let value = r.list(1, Reader::boolean);
                once(&mut frozen, "frozen", value)
            }
            "params" => {
                let value = r.list(1, Reader::number);
                once(&mut params, "params", value)
            }
            "start" => {
                let value = r.list(1, Reader::number);
                once(&mut start, "start", value)
            }
            "learning_rate" => {
                let value = r.number();
                once(&mut learning_rate, "learning_rate", value)
            }
            "race" if version_of_text >= 2 && cfg!(feature = "race") => {
                let value = r.race();
                once(&mut race, "race", value)
            }
            _ => r.skip(1),
        })
    })?;
    // A formula's model is read by the caller; `Linear` holds its place meanwhile.
    let (model, formula) = match (required(model, "model")?, formula) {
        (None, Some(text)) => (Model::Linear, Some(text)),
        (None, None) => return Err("missing field `formula`".to_owned()),
        (Some(_), Some(_)) => return Err("a built-in model has no `formula`".to_owned()),
        (Some(model), None) => (model, None),
    };
    let lesson = Lesson {
        table: required(table, "table")?,
        model,
        loss: required(loss, "loss")?,
        frozen: required(frozen, "frozen")?,
        params: required(params, "params")?,
        start: required(start, "start")?,
        learning_rate: required(learning_rate, "learning_rate")?,
        race: match version_of_text {
            1 => Box::default(),
            _ => Box::new(required(race, "race")?),
        },
    };
    required(version, "version").map(|_| (lesson, formula))
}

/// Stores a field's value, refusing a second one.
fn once<T>(slot: &mut Option<T>, name: &str, value: Result<T, String>) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("duplicate field `{name}`"));
    }
    *slot = Some(value?);
    Ok(())
}

fn required<T>(slot: Option<T>, name: &str) -> Result<T, String> {
    slot.ok_or_else(|| format!("missing field `{name}`"))
}

/// A cursor over the JSON text.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }

    /// An error at the current position, with its line and column as serde_json gave them.
    fn error(&self, what: &str) -> String {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace and consumes `byte`, or fails.
    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(&format!("expected {what}")))
        }
    }

    /// The whole text is one value read by `value`, with only whitespace around it.
    fn document(
        &mut self,
        value: impl FnOnce(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        value(self)?;
        self.skip_whitespace();
        if self.pos < self.text.len() {
            return Err(self.error("trailing characters"));
        }
        Ok(())
    }

    /// An object, calling `field` with each key to read its value (at `depth` + 1).
    fn object(
        &mut self,
        depth: usize,
        field: &mut dyn FnMut(&mut Self, String) -> Result<(), String>,
    ) -> Result<(), String> {
        if depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.expect(b'{', "an object")?;
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_whitespace();
            let key = self.string()?;
            self.expect(b':', "`:`")?;
            field(self, key)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// An array, calling `item` for each element (at `depth` + 1).
    fn array(
        &mut self,
        depth: usize,
        item: &mut dyn FnMut(&mut Self) -> Result<(), String>,
    ) -> Result<(), String> {
        if depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.expect(b'[', "an array")?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// An array of values read by `read`.
    fn list<T>(
        &mut self,
        depth: usize,
        mut read: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let mut values = Vec::new();
        self.array(depth, &mut |r| {
            values.push(read(r)?);
            Ok(())
        })?;
        Ok(values)
    }

    /// Any value, read and dropped.
    fn skip(&mut self, depth: usize) -> Result<(), String> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth, &mut |r, _| r.skip(depth + 1)),
            Some(b'[') => self.array(depth, &mut |r| r.skip(depth + 1)),
            Some(b'"') => self.string().map(|_| ()),
            Some(b't' | b'f') => self.boolean().map(|_| ()),
            Some(b'n') => self.literal("null"),
            _ => self.number_text().map(|_| ()),
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), String> {
        self.skip_whitespace();
        if self
            .text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word))
        {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.error("expected value"))
        }
    }

    fn boolean(&mut self) -> Result<bool, String> {
        self.skip_whitespace();
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.error("invalid type: expected a boolean")),
        }
    }

    /// The text of a JSON number (strict grammar: no `+`, no leading zeros, no bare `.`).
    fn number_text(&mut self) -> Result<&'a str, String> {
        self.skip_whitespace();
        let start = self.pos;
        let digits = |r: &mut Self| {
            let from = r.pos;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.pos += 1;
            }
            r.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error("expected value")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        Ok(self.text.get(start..self.pos).unwrap_or(""))
    }

    /// A number as f64, correctly rounded; `null` is not a number.
    fn number(&mut self) -> Result<f64, String> {
        self.skip_whitespace();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.error("invalid type: expected a number"));
        }
        let text = self.number_text()?;
        match crate::decimal::parse_f64(text) {
            Some(v) if v.is_finite() => Ok(v),
            _ => Err(self.error("number out of range")),
        }
    }

    /// A whole number in u32's range (a fraction or exponent is refused, as serde_json did).
    fn unsigned(&mut self) -> Result<u32, String> {
        self.skip_whitespace();
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.error("invalid type: expected u32"));
        }
        let text = self.number_text()?;
        text.parse::<u32>()
            .map_err(|_| self.error("invalid value: expected u32"))
    }

    /// The model: one of the built-in models' names, or (from version 3) `formula`, read
    /// as `None`: the text is in the `formula` field.
    fn model(&mut self, version_of_text: u32) -> Result<Option<Model>, String> {
        let names: &[&str] = if version_of_text >= 3 {
            &["linear", "affine", "non-convex", "formula"]
        } else {
            &["linear", "affine", "non-convex"]
        };
        self.name(names).map(|i| {
            [Model::Linear, Model::Affine, Model::NonConvex]
                .get(i)
                .cloned()
        })
    }

    /// One of `names` (a string), as its index.
    fn name(&mut self, names: &[&str]) -> Result<usize, String> {
        self.skip_whitespace();
        let at = self.pos;
        let text = self.string()?;
        names.iter().position(|n| *n == text).ok_or_else(|| {
            self.pos = at;
            self.error(&format!("unknown variant `{text}`"))
        })
    }

    /// A string, unescaped. Control characters must be escaped; `\u` escapes must pair
    /// surrogates.
    fn string(&mut self) -> Result<String, String> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.error("invalid type: expected a string"));
        }
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let rest = self.text.get(self.pos..).unwrap_or("");
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(rest.get(..run).unwrap_or(""));
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = self.peek();
                    self.pos += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return Err(self.error("invalid escape")),
                    }
                }
                Some(_) => return Err(self.error("control character in string")),
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self
                    .text
                    .get(self.pos..)
                    .is_some_and(|r| r.starts_with("\\u"))
                {
                    self.pos += 2;
                } else {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("invalid surrogate pair in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }

    /// The `table` object: `labels` and `rows`.
    fn table(&mut self) -> Result<Table, String> {
        let mut labels = None;
        let mut rows = None;
        self.object(1, &mut |r, key| match key.as_str() {
            "labels" => {
                let value = r.labels();
                once(&mut labels, "labels", value)
            }
            "rows" => {
                let value = r.list(2, |r| r.row());
                once(&mut rows, "rows", value)
            }
            _ => r.skip(2),
        })?;
        Ok(Table {
            labels: required(labels, "labels")?,
            rows: required(rows, "rows")?,
        })
    }

    fn labels(&mut self) -> Result<Labels, String> {
        let mut x = None;
        let mut y = None;
        self.object(2, &mut |r, key| match key.as_str() {
            "x" => {
                let value = r.string();
                once(&mut x, "x", value)
            }
            "y" => {
                let value = r.string();
                once(&mut y, "y", value)
            }
            _ => r.skip(3),
        })?;
        Ok(Labels {
            x: required(x, "x")?,
            y: required(y, "y")?,
        })
    }

    /// One row: an array of exactly two strings.
    fn row(&mut self) -> Result<[String; 2], String> {
        let cells = self.list(3, Reader::string)?;
        <[String; 2]>::try_from(cells).map_err(|cells| {
            self.error(&format!(
                "invalid length {}, expected an array of length 2",
                cells.len()
            ))
        })
    }
}
