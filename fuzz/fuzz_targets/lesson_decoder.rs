//! The lesson decoder on any text, as a share link's fragment or as saved work: it must
//! never panic, and a lesson it accepts must be valid, reopen exactly, and be usable —
//! a session opens on it and takes a step.
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use descent_core::lesson::Lesson;
use descent_core::Session;
use libfuzzer_sys::fuzz_target;

fn check(decoded: Result<Lesson, descent_core::LessonError>) {
    let Ok(lesson) = decoded else {
        return;
    };
    assert_eq!(lesson.validate(), Ok(()));
    assert_eq!(Lesson::from_json(&lesson.to_json()).as_ref(), Ok(&lesson));
    assert_eq!(Lesson::from_link(&lesson.to_link()).as_ref(), Ok(&lesson));
    let mut session = Session::new(lesson);
    session.step();
    let _ = session.evaluation();
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(Lesson::from_json(&text));
    check(Lesson::from_link(&text));
    // The same bytes behind a link's prefix, as they are (mostly not base64) and encoded
    // (so the fuzzer's JSON also reaches the decoder through a link).
    check(Lesson::from_link(&format!("v1.{text}")));
    check(Lesson::from_link(&format!(
        "v1.{}",
        URL_SAFE_NO_PAD.encode(data)
    )));
});
