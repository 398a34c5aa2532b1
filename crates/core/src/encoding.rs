//! A lesson's two encodings: JSON for storage and a compact URL-safe string for share
//! links ([`Lesson::to_json`], [`Lesson::from_json`], [`Lesson::to_link`],
//! [`Lesson::from_link`]).
//!
//! Kept apart from `lesson` so that the imports run one way: `encoding` → `json` →
//! `lesson`, and `lesson` knows neither.
//!
//! Decoding never panics: any string comes back either as a valid lesson or as a
//! [`LessonError`] that says what was wrong.

use crate::json;
use crate::lesson::{
    Lesson, LessonError, LESSON_VERSION, LINK_PREFIX, OLDEST_LESSON_VERSION, RACE_VERSION,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

impl Lesson {
    /// The lesson as JSON, with its version (written by `json`): the oldest version that
    /// holds it — 1 when its race is the default one and its model built in, so the text
    /// is exactly what a build before the race wrote and read; 2 ([`RACE_VERSION`]) with
    /// a race; [`LESSON_VERSION`] (3) with a typed formula.
    pub fn to_json(&self) -> String {
        let version = if self.model.as_formula().is_some() {
            LESSON_VERSION
        } else if self.race.is_default() {
            OLDEST_LESSON_VERSION
        } else {
            RACE_VERSION
        };
        json::write_lesson(self, version)
    }

    /// A lesson from JSON; checks the version first (1 to 3: a version-1 lesson opens
    /// with the default race, as it always did), then every value. Without the `race`
    /// feature a lesson of version 2 or 3 is [`LessonError::NotInThisBuild`].
    pub fn from_json(text: &str) -> Result<Lesson, LessonError> {
        let version = json::read_version(text).map_err(LessonError::Json)?;
        if !(OLDEST_LESSON_VERSION..=LESSON_VERSION).contains(&version) {
            return Err(LessonError::Version { found: version });
        }
        if version >= 2 && !cfg!(feature = "race") {
            return Err(LessonError::NotInThisBuild);
        }
        let lesson = json::read_lesson(text, version)?;
        lesson.validate()?;
        Ok(lesson)
    }

    /// The lesson as a compact URL-safe string for a share link's fragment:
    /// `v1.` followed by the URL-safe base64 of its JSON.
    pub fn to_link(&self) -> String {
        format!(
            "{LINK_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(self.to_json().as_bytes())
        )
    }

    /// A lesson from a share-link payload (with or without a leading `#`).
    pub fn from_link(payload: &str) -> Result<Lesson, LessonError> {
        let payload = payload.trim().trim_start_matches('#');
        let body = payload
            .strip_prefix(LINK_PREFIX)
            .ok_or(LessonError::Encoding)?;
        let bytes = URL_SAFE_NO_PAD
            .decode(body.trim_end_matches('='))
            .map_err(|_| LessonError::Encoding)?;
        let text = String::from_utf8(bytes).map_err(|_| LessonError::Encoding)?;
        Lesson::from_json(&text)
    }
}
