//! The walkthrough's words: a caption for each beat of the lecture's story
//! (descent-core's [`Caption`]) in both languages, the slides' own words where they exist.
//! Numbers in captions are the lecture's fixed figures, written as each language writes
//! them.

use super::Lang;
use descent_core::tour::Caption;

/// The caption of a beat, in `lang`.
pub fn tour_caption(lang: Lang, caption: Caption) -> &'static str {
    match lang {
        Lang::Lt => lt(caption),
        Lang::En => en(caption),
    }
}

fn lt(caption: Caption) -> &'static str {
    use Caption as C;
    match caption {
        C::Table => "Modelis – realaus proceso ar sistemos supaprastinimas. Turime lentelę (x, y): kuris y = ?",
        C::GuessFive => "Spėkime ŷ = a·x. Gal a = 5? Atkarpos rodo, kiek kiekvienas spėjimas nutolęs nuo y.",
        C::GuessTwelve => "Gal a = 12? Dabar tiesė per aukštai.",
        C::GuessTen => "a = 10? Jau beveik.",
        C::Reveal => "Stulpeliai iš tikrųjų yra masė m ir jėga F: F = m·g, g = 9,8. Su a = 9,8 tiesė eina per kiekvieną tašką.",
        C::DataVsPrediction => "Žymėjimai: (x, y) – duomenys, ŷ – spėjimas. Dažnai užtenka aproksimuoti: ŷ ≈ y.",
        C::Distances => "Nuostolių funkcija: kas yra gera aproksimacija? Atstumas tarp mūsų modelio ir duomenų: yᵢ − ŷ(xᵢ).",
        C::AbsoluteDistances => "Absoliutinės reikšmės |yᵢ − ŷ(xᵢ)|: jų suma – L1 nuostoliai. Kai a = 8, L = 29,7.",
        C::SquaredDistances => "Kvadratai (yᵢ − ŷ(xᵢ))²: didelė klaida kainuoja daug daugiau nei maža.",
        C::SumOfSquares => "L = Σᵢ (yᵢ − ŷ(xᵢ))² – L2 nuostoliai. Jei L = 0, tai ŷ(xᵢ) = yᵢ kiekvienam i.",
        C::WorkedEight => "Suskaičiuokime ranka: ŷ = 8x, L = 402,57.",
        C::WorkedNine => "ŷ = 9x: L = 79,52.",
        C::WorkedTen => "ŷ = 10x: L = 4,97.",
        C::Minimum => "Kaip rasti tinkamą parametro a reikšmę? Kaip rasti minimumą? minₐ L, a* = arg minₐ L(a).",
        C::DerivativeEight => "Išvestinė parodo funkcijos pokytį („įtaką“): ∂L/∂a, ne ∂L/∂x. Kai a = 8, ∂L/∂a = −447,3 < 0: a didiname.",
        C::DerivativeElevenHalf => "Kai a = 11,5: L = 359,0825, ∂L/∂a = 422,45 > 0: a mažiname. Ženklas rodo, į kurią pusę judėti.",
        C::RuleWithoutRate => "Taisyklė a := a − ∂L/∂a: vienas žingsnis iš a = 8 nušoka į a = 455,3 – per toli.",
        C::RuleWithRate => "a := a − γ·∂L/∂a; γ – mokymosi greitis, jį parenkame patys: γ = 0,003.",
        C::Steps => "Kartoti, kol pasieksime minimumą: 8 → 9,3419 → 9,683414 → … → 9,8. Vienas paspaudimas – vienas žingsnis.",
        C::TooLarge => "Per didelis γ = 0,01: kiekvienas žingsnis peršoka minimumą vis toliau – nusileidimas diverguoja. Riba: γ < 1/Σx² ≈ 0,008048.",
        C::LocalFromRight => "Sudėtingesnis pavyzdys: ŷ = a·x + b − 2a², b = 2. Nuo a = 0,5 nusileidimas baigiasi lokaliame minimume a ≈ 0,2423.",
        C::GlobalFromLeft => "Nuo a = −0,5 – globaliame minimume a ≈ −0,25. Kur baigsime, priklauso nuo pradžios.",
        C::Recap => "Apibendrinimas: duomenys vs. modelio spėjimai, L2 nuostoliai, gradientinis nusileidimas.",
    }
}

fn en(caption: Caption) -> &'static str {
    use Caption as C;
    match caption {
        C::Table => "A model is a simplification of a real process or system. Here is a table (x, y): which y = ?",
        C::GuessFive => "Let's guess ŷ = a·x. Maybe a = 5? The segments show how far each prediction is from its y.",
        C::GuessTwelve => "Maybe a = 12? Now the line is too high.",
        C::GuessTen => "a = 10? Almost.",
        C::Reveal => "The columns are really mass m and force F: F = m·g, g = 9.8. With a = 9.8 the line passes through every point.",
        C::DataVsPrediction => "Notation: (x, y) are the data, ŷ is the prediction. Often it is enough to approximate: ŷ ≈ y.",
        C::Distances => "Loss function: what is a good approximation? The distance between our model and the data: yᵢ − ŷ(xᵢ).",
        C::AbsoluteDistances => "Absolute values |yᵢ − ŷ(xᵢ)|: their sum is the L1 loss. At a = 8, L = 29.7.",
        C::SquaredDistances => "Squares (yᵢ − ŷ(xᵢ))²: a large error costs far more than a small one.",
        C::SumOfSquares => "L = Σᵢ (yᵢ − ŷ(xᵢ))², the L2 loss. L = 0 means ŷ(xᵢ) = yᵢ for every i.",
        C::WorkedEight => "Worked by hand: ŷ = 8x gives L = 402.57.",
        C::WorkedNine => "ŷ = 9x: L = 79.52.",
        C::WorkedTen => "ŷ = 10x: L = 4.97.",
        C::Minimum => "How do we find the right value of a? How do we find the minimum? minₐ L, a* = arg minₐ L(a).",
        C::DerivativeEight => "The derivative shows how the function changes (its “influence”): ∂L/∂a, not ∂L/∂x. At a = 8, ∂L/∂a = −447.3 < 0: increase a.",
        C::DerivativeElevenHalf => "At a = 11.5: L = 359.0825, ∂L/∂a = 422.45 > 0: decrease a. The sign says which way to move.",
        C::RuleWithoutRate => "The rule a := a − ∂L/∂a: one step from a = 8 jumps to a = 455.3, far too far.",
        C::RuleWithRate => "a := a − γ·∂L/∂a, where γ, the learning rate, is ours to choose: γ = 0.003.",
        C::Steps => "Repeat until the minimum is reached: 8 → 9.3419 → 9.683414 → … → 9.8. One click, one step.",
        C::TooLarge => "Too large a γ = 0.01: every step overshoots the minimum further, and descent diverges. The limit: γ < 1/Σx² ≈ 0.008048.",
        C::LocalFromRight => "A harder example: ŷ = a·x + b − 2a², b = 2. From a = 0.5 descent ends in the local minimum a ≈ 0.2423.",
        C::GlobalFromLeft => "From a = −0.5 it ends in the global minimum a ≈ −0.25. Where descent ends depends on where it starts.",
        C::Recap => "Recap: data vs. predictions, the L2 loss, gradient descent.",
    }
}

/// The walkthrough's own words (buttons, the scene counter's label, link messages).
#[derive(Debug)]
pub struct TourWords {
    /// The button that starts the walkthrough.
    pub start: &'static str,
    /// The caption bar's accessible name.
    pub bar_label: &'static str,
    /// Back one beat.
    pub previous: &'static str,
    /// On one beat.
    pub next: &'static str,
    /// Leave the walkthrough, keeping the lesson as it is.
    pub exit: &'static str,
    /// The line shown while the page reloads into the full build, which has the
    /// walkthrough (`crate::classroom::full_app`).
    pub loading: &'static str,
}

/// The walkthrough's words in `lang`.
pub fn tour_words(lang: Lang) -> &'static TourWords {
    match lang {
        Lang::Lt => &TourWords {
            start: "Paskaita žingsniais",
            bar_label: "Paskaita žingsniais",
            previous: "Atgal",
            next: "Toliau",
            exit: "Baigti",
            loading: "Įkeliama paskaita žingsniais…",
        },
        Lang::En => &TourWords {
            start: "Walkthrough",
            bar_label: "Walkthrough",
            previous: "Back",
            next: "Next",
            exit: "Leave",
            loading: "Loading the walkthrough…",
        },
    }
}

/// A `#tour=` link whose scene is not a number: the lesson opens without the walkthrough.
pub fn tour_link_not_a_number(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Lt => {
            format!("Nuorodoje scena „{text}“ nėra skaičius: paskaita žingsniais neatidaryta.")
        }
        Lang::En => {
            format!("The link's scene “{text}” is not a number: the walkthrough was not opened.")
        }
    }
}

/// A `#tour=` link whose scene does not exist: the nearest one opened.
pub fn tour_link_nearest(lang: Lang, count: usize, opened: usize) -> String {
    match lang {
        Lang::Lt => format!("Paskaitoje žingsniais yra scenos 1–{count}: atidaryta {opened}."),
        Lang::En => format!("The walkthrough has scenes 1–{count}: scene {opened} opened."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use descent_core::tour::scenes;

    #[test]
    fn every_beat_has_a_caption_in_both_languages() {
        for scene in scenes() {
            for beat in scene.beats {
                for lang in Lang::ALL {
                    assert!(!tour_caption(lang, beat.caption).is_empty());
                }
                assert_ne!(
                    tour_caption(Lang::Lt, beat.caption),
                    tour_caption(Lang::En, beat.caption)
                );
            }
        }
    }

    #[test]
    fn lithuanian_captions_write_decimal_commas() {
        assert!(tour_caption(Lang::Lt, Caption::WorkedEight).contains("402,57"));
        assert!(tour_caption(Lang::En, Caption::WorkedEight).contains("402.57"));
    }
}
