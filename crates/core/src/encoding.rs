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
use crate::lesson::{Lesson, LessonError, LESSON_VERSION, LINK_PREFIX};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

impl Lesson {
    /// The lesson as JSON, with its version (written by `json`).
    pub fn to_json(&self) -> String {
        json::write_lesson(self, LESSON_VERSION)
    }

    /// A lesson from JSON; checks the version first, then every value.
    pub fn from_json(text: &str) -> Result<Lesson, LessonError> {
        let version = json::read_version(text).map_err(LessonError::Json)?;
        if version != LESSON_VERSION {
            return Err(LessonError::Version { found: version });
        }
        let lesson = json::read_lesson(text).map_err(LessonError::Json)?;
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
